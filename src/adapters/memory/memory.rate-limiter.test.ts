import { describe } from 'node:test';
import { MemoryRateLimiter } from './memory.rate-limiter.ts';
import { rateLimiterContract } from '../contracts/rate-limiter.contract.ts';

describe('MemoryRateLimiter', () => {
  rateLimiterContract(async () => new MemoryRateLimiter());
});
