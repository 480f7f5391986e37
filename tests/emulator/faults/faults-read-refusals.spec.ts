import { randomUUID } from 'node:crypto';
import { errorCode, expect, OTHER_TENANT } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a read refuses an id the caller may not see: a code that tells another tenant's action apart.

smoke(
  'tenant-get-404-own-code',
  "a GET of another tenant's action answers 404 with a code of its own; of an unknown id 404 NotFound",
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token(undefined, { tenantId: OTHER_TENANT });
    const foreign = await emu.get(action.id as string, token);
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('DisallowedOperation');
    expect(errorCode(await emu.get(randomUUID(), token))).toBe('NotFound');
    expect((await emu.get(action.id as string, await emu.token())).statusCode).toBe(200);
  },
);
