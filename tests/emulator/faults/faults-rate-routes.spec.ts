import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// Rate limits by the route a call takes: a read's own limiter.

const UNKNOWN = '0b8a8d7e-1111-4222-8333-944455556666';

smoke(
  'read-429-without-retry-after',
  "a GET's 429 has no Retry-After; a cancel's 429 has one",
  async (emu) => {
    const token = await emu.token();
    for (let i = 0; i < 100; i++) await emu.get(UNKNOWN, token, { unchecked: true });
    const read = await emu.get(UNKNOWN, token, { unchecked: true });
    expect(read.statusCode).toBe(429);
    expect(read.headers['retry-after']).toBeUndefined();
    for (let i = 0; i < 100; i++) await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    const cancel = await emu.cancel(UNKNOWN, token, undefined, { unchecked: true });
    expect(cancel.statusCode).toBe(429);
    expect(cancel.headers['retry-after']).toBeDefined();
  },
);
