import { errorCode, expect } from './emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a versioned route refuses a call that the guard under /api refuses.

smoke(
  'no-auth-versioned-403',
  'without Authorization a cancel answers 401 Unauthorized under /api and 403 Forbidden under /api/v1.0',
  async (emu) => {
    const action = await emu.seed('Pending');
    const cancel = (prefix: string) =>
      emu.call('POST', `${prefix}/machineactions/${action.id}/cancel`, { body: {} });
    const [plain, versioned] = [await cancel('/api'), await cancel('/api/v1.0')];
    expect([plain.statusCode, errorCode(plain)]).toEqual([401, 'Unauthorized']);
    expect([versioned.statusCode, errorCode(versioned)]).toEqual([403, 'Forbidden']);
  },
);
