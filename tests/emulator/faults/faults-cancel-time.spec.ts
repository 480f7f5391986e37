import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// When a cancel says it happened.

smoke(
  'cancel-date-local-time',
  'cancellationDateTimeUtc lies two hours past the time of the cancel, in the 200 and on a GET',
  async (emu) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const nowMs = emu.clock.now();
    const body = (await emu.cancel(action.id as string, token)).json();
    expect(Date.parse(body.cancellationDateTimeUtc) - nowMs).toBeGreaterThanOrEqual(2 * 3_600_000);
    const read = (await emu.get(action.id as string, token)).json();
    expect(read.cancellationDateTimeUtc).toBe(body.cancellationDateTimeUtc);
  },
);

smoke(
  'cancel-date-is-creation',
  "cancellationDateTimeUtc is the action's creation time, in the 200 and on a GET",
  async (emu) => {
    const action = await emu.seed('Pending');
    await emu.advance(3 * 86_400);
    const token = await emu.token();
    const body = (await emu.cancel(action.id as string, token)).json();
    expect(Date.parse(body.cancellationDateTimeUtc)).toBe(Date.parse(String(action.creationDateTimeUtc)));
    const read = (await emu.get(action.id as string, token)).json();
    expect(read.cancellationDateTimeUtc).toBe(body.cancellationDateTimeUtc);
  },
);

smoke(
  'running-cancel-date-is-last-report',
  "cancellationDateTimeUtc of a running action is its last update, of a Pending one the cancel's time",
  async (emu) => {
    const running = await emu.seed('InProgress');
    const pending = await emu.seed('Pending');
    await emu.advance(3 * 86_400);
    const token = await emu.token();
    const nowMs = emu.clock.now();
    const body = (await emu.cancel(running.id as string, token)).json();
    expect(Date.parse(body.cancellationDateTimeUtc)).toBe(Date.parse(String(running.lastUpdateDateTimeUtc)));
    const read = (await emu.get(running.id as string, token)).json();
    expect(read.cancellationDateTimeUtc).toBe(body.cancellationDateTimeUtc);
    const other = (await emu.cancel(pending.id as string, token)).json();
    expect(Date.parse(other.cancellationDateTimeUtc)).toBeGreaterThanOrEqual(nowMs);
  },
);
