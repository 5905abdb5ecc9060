import { describe } from 'node:test';
import { eventBusContract } from '../contracts/event-bus.contract.ts';
import { MemoryEventBus } from './memory.event-bus.ts';

describe('MemoryEventBus', () => {
  eventBusContract(async ({ onError }) => {
    const bus = new MemoryEventBus({ onError });
    return { first: bus, second: bus, close: async () => bus.close() };
  });
});
