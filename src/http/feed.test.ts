import { MemoryEventBus } from '../adapters/memory/memory.event-bus.ts';
import { createTestDb } from '../db/test-db.ts';
import { feedContract } from './feed.contract.ts';

const shared = new MemoryEventBus();
feedContract('in-process bus', async () => ({ a: shared, b: shared, close: async () => shared.close() }), () => createTestDb());
