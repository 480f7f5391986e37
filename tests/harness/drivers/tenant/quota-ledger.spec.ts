import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { QuotaLedger } from '../../../../src/harness/drivers/tenant/quota-ledger.ts';
import { describeError, QuotaExceededError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function ledger(now: { t: number }, share = 0.5, runId = 'run-a') {
  const file = join(tempDir('quota-'), 'ledger.json');
  const make = (id = runId) =>
    new QuotaLedger({
      file,
      runId: id,
      share,
      limitOf: () => ({ perMinute: 10, perHour: 30 }),
      // These tests never wait: a reservation within the share needs no sleep.
      clock: { now: () => now.t, sleep: () => Promise.reject(new Error('the ledger waited')) },
    });
  return { file, make };
}

test.describe('quota ledger', () => {
  test('refuses nothing within the share, then asks to wait for the minute window', () => {
    const now = { t: 1_000_000 };
    const q = ledger(now).make();
    for (let i = 0; i < 5; i++) expect(q.tryReserve('operator', 'CancelMachineAction')).toBe(0);
    expect(q.tryReserve('operator', 'CancelMachineAction')).toBe(60_000);
    now.t += 30_000;
    expect(q.tryReserve('operator', 'CancelMachineAction')).toBe(30_000);
    now.t += 30_000;
    expect(q.tryReserve('operator', 'CancelMachineAction')).toBe(0);
  });

  // The target counts a call when it arrives, after its reservation (a token fetched first, the way
  // there): counted from its reservation, a full share let the eleventh call in while the first still
  // counted at the target, and a lawful tenant answered 429 (a GET while a cancel was to show).
  test('a call counts from its answer, when it has certainly reached the target', async () => {
    const now = { t: 1_000_000 };
    const q = ledger(now, 1).make();
    const reserved: number[] = [];
    for (let i = 0; i < 10; i++) reserved.push(await q.reserve('operator', 'GetMachineAction'));
    now.t += 2_000;
    for (const at of reserved) q.answered('operator', 'GetMachineAction', at);
    now.t += 58_000;
    expect(q.tryReserve('operator', 'GetMachineAction')).toBe(2_000);
    now.t += 2_000;
    expect(q.tryReserve('operator', 'GetMachineAction')).toBe(0);
  });

  // 0.05 of 10 a minute is no call at all: the wait was Infinity, read by setTimeout as 1 ms, and the
  // call spun until the test timed out.
  test('a share that leaves no call a minute is refused at once, saying the share that would', async () => {
    const q = ledger({ t: 0 }, 0.05).make();
    const refusal = await q.reserve('operator', 'CancelMachineAction').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(QuotaExceededError);
    // One prefix: the run's line once read "QuotaExceededError: QuotaExceededError: MDE_QUOTA_SHARE=...".
    expect(describeError(refusal)).toBe(
      'QuotaExceededError: MDE_QUOTA_SHARE=0.05 leaves CancelMachineAction no call a minute (its limit is 10); set MDE_QUOTA_SHARE to at least 0.1.',
    );
    // Tests that exhaust the limit on purpose are counted, never limited.
    expect(q.tryReserve('operator', 'CancelMachineAction', true)).toBe(0);
  });

  test('counts per app and operation', () => {
    const q = ledger({ t: 0 }).make();
    for (let i = 0; i < 5; i++) q.tryReserve('operator', 'CancelMachineAction');
    expect(q.tryReserve('operator', 'GetMachineAction')).toBe(0);
    expect(q.tryReserve('read-only', 'CancelMachineAction')).toBe(0);
  });

  test('throws QuotaExceededError when the hour share is used up', async () => {
    const now = { t: 0 };
    const q = ledger(now).make();
    for (let i = 0; i < 15; i++) {
      expect(q.tryReserve('operator', 'CancelMachineAction')).toBe(0);
      now.t += 12_001;
    }
    const error = await q.reserve('operator', 'CancelMachineAction').catch((e) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error.message).toContain('15 calls in the last hour, its share 15 of 30');
  });

  test('exempt calls are counted but never limited', () => {
    const q = ledger({ t: 0 }).make();
    for (let i = 0; i < 12; i++) expect(q.tryReserve('throttle', 'CancelMachineAction', true)).toBe(0);
    expect(q.report().calls).toEqual([
      {
        caller: 'throttle',
        operationId: 'CancelMachineAction',
        total: 12,
        peakPerMinute: 12,
        limit: { perMinute: 10, perHour: 30 },
      },
    ]);
  });

  test('workers share the state through the file; a new run keeps the windows but not the totals', () => {
    const now = { t: 0 };
    const { make } = ledger(now);
    const a = make();
    const b = make();
    for (let i = 0; i < 3; i++) a.tryReserve('operator', 'CancelMachineAction');
    for (let i = 0; i < 2; i++) b.tryReserve('operator', 'CancelMachineAction');
    expect(a.tryReserve('operator', 'CancelMachineAction')).toBeGreaterThan(0);
    const next = make('run-b');
    expect(next.report().calls).toEqual([]);
    expect(next.tryReserve('operator', 'CancelMachineAction')).toBeGreaterThan(0);
    expect(next.lastCall('operator', 'CancelMachineAction')).toBe(0);
  });

  test('calls older than an hour leave the file, also those of apps no longer calling', () => {
    const now = { t: 1_000_000 };
    const { file, make } = ledger(now);
    make().tryReserve('old-app', 'CancelMachineAction');
    now.t += 30 * 60_000;
    make().tryReserve('operator', 'GetMachineAction');
    now.t += 30 * 60_000 + 1;
    make('run-b').tryReserve('operator', 'CancelMachineAction');
    const keys = () => Object.keys(JSON.parse(readFileSync(file, 'utf8')).recent).sort();
    expect(keys()).toEqual(['operator|CancelMachineAction', 'operator|GetMachineAction']);
    now.t += 60 * 60_000;
    make('run-c').tryReserve('operator', 'CancelMachineAction');
    expect(keys()).toEqual(['operator|CancelMachineAction']);
  });

  test('two processes reserving at once never lose a count, and leave no lock behind', async () => {
    const { file } = ledger({ t: 0 });
    const dir = dirname(file);
    const calls = 200;
    // Each child says it is ready, waits for the other (so the two really overlap), then records
    // `calls` exempt calls (counted, never limited) as fast as it can.
    const child = (n: number) => `
      import { existsSync, writeFileSync } from 'node:fs';
      const { QuotaLedger } = await import(${JSON.stringify(resolve('src/harness/drivers/tenant/quota-ledger.ts'))});
      const q = new QuotaLedger({ file: ${JSON.stringify(file)}, runId: 'run-a', share: 1,
        limitOf: () => ({ perMinute: 10, perHour: 30 }) });
      writeFileSync(${JSON.stringify(dir)} + '/ready-${n}', '');
      while (!existsSync(${JSON.stringify(dir)} + '/ready-${1 - n}')) await new Promise((r) => setTimeout(r, 1));
      for (let i = 0; i < ${calls}; i++) q.tryReserve('operator', 'CancelMachineAction', true);`;
    const run = (n: number) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child(n)]);
    await Promise.all([run(0), run(1)]);
    const state = JSON.parse(readFileSync(file, 'utf8'));
    expect(state.totals['operator|CancelMachineAction']).toBe(2 * calls);
    expect(state.recent['operator|CancelMachineAction']).toHaveLength(2 * calls);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
