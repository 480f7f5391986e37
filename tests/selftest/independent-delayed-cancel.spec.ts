import { startIndependentEmulator, VARIANTS } from '../../src/selftest/independent-emulator/index.ts';
import { expect, test } from '../helpers/api-test.ts';
import { pendingScan, post } from './independent-session.ts';

// Variant b of the independent emulator reads cancel-answer-status as "as-before" with the change
// showing two virtual seconds after the 200: a lawful target that a suite reading a few times at once
// would wrongly fail. Until then the action reads, and behaves, as before.
const MACHINE = 'b'.repeat(40);

test('variant b shows a cancel only once two virtual seconds have passed', async () => {
  expect(VARIANTS.b).toMatchObject({ cancelAnswerStatus: 'as-before', cancelShowsAfterMs: 2000 });
  const emulator = await startIndependentEmulator('b', { clockStart: new Date('2026-03-01T10:00:00.000Z') });
  try {
    const { url } = emulator;
    const { id, tokenAnswer } = await pendingScan(url, MACHINE);
    const authorization = `Bearer ${((await tokenAnswer.json()) as { access_token: string }).access_token}`;
    const read = async () =>
      (await (
        await fetch(`${url}/api/machineactions/${id}`, { headers: { authorization } })
      ).json()) as Record<string, unknown>;
    const advance = (seconds: number) => post(`${url}/_emulator/clock/advance`, { seconds });

    const cancel = await post(`${url}/api/machineactions/${id}/cancel`, { Comment: 'later' }, authorization);
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ id, status: 'Pending', cancellationComment: null });
    // Any number of immediate reads still show the action as before.
    for (let i = 0; i < 5; i++)
      expect(await read()).toMatchObject({ status: 'Pending', cancellationComment: null });
    // Meanwhile the device is still busy: a new scan comes back as the running action.
    const busy = await post(
      `${url}/api/machines/${MACHINE}/runAntiVirusScan`,
      { Comment: 'x', ScanType: 'Quick' },
      authorization,
    );
    expect(busy.status).toBe(200);
    expect(await busy.json()).toMatchObject({ id });

    await advance(1.5);
    expect(await read()).toMatchObject({ status: 'Pending' });
    await advance(0.5);
    expect(await read()).toMatchObject({
      status: 'Cancelled',
      cancellationComment: 'later',
      // The time it was asked for; the last update is when it took effect.
      cancellationDateTimeUtc: '2026-03-01T10:00:00Z',
      lastUpdateDateTimeUtc: '2026-03-01T10:00:02Z',
    });
    const fresh = await post(
      `${url}/api/machines/${MACHINE}/runAntiVirusScan`,
      { Comment: 'x', ScanType: 'Quick' },
      authorization,
    );
    // A new action (variant b answers one 200, as some pages show), not the cancelled one again.
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as { id?: string }).id).not.toBe(id);
  } finally {
    await emulator.close();
  }
});
