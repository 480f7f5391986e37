import type { ControlClient } from '../../../src/harness/drivers/emulator/control-client.ts';
import {
  readUntil,
  SETTLE_BOUND_SECONDS,
  SETTLE_PAUSES_SECONDS,
} from '../../../src/harness/drivers/eventually.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { offlineEmulatorDriver } from '../stand-ins/offline-emulator-driver.ts';

// The one waiting policy of the drivers: what may show "shortly after" is read again, pausing between
// reads, for at most SETTLE_BOUND_SECONDS of the target's time.
test('the pauses grow and add up to the documented bound of 30 s', () => {
  expect(SETTLE_BOUND_SECONDS).toBe(30);
  for (let i = 1; i < SETTLE_PAUSES_SECONDS.length; i++)
    expect(SETTLE_PAUSES_SECONDS[i]!).toBeGreaterThan(SETTLE_PAUSES_SECONDS[i - 1]!);
});

test('reads stop at the first value that settles, pausing only between reads', async () => {
  const paused: number[] = [];
  let reads = 0;
  const seen = await readUntil(
    async () => ++reads,
    (n) => n === 3,
    async (s) => void paused.push(s),
  );
  expect(seen).toEqual({ value: 3, settled: true, waitedSeconds: 1.5, reads: 3 });
  expect(paused).toEqual([0.5, 1]);
});

test('a value already there costs one read and no pause', async () => {
  const paused: number[] = [];
  const seen = await readUntil(
    async () => 'Cancelled',
    (s) => s === 'Cancelled',
    async (s) => void paused.push(s),
  );
  expect(seen).toMatchObject({ settled: true, reads: 1, waitedSeconds: 0 });
  expect(paused).toEqual([]);
});

test('past the bound the last value comes back unsettled, with no pause after the last read', async () => {
  const paused: number[] = [];
  const seen = await readUntil(
    async () => 'Pending',
    () => false,
    async (s) => void paused.push(s),
  );
  expect(seen).toMatchObject({ value: 'Pending', settled: false, reads: SETTLE_PAUSES_SECONDS.length + 1 });
  expect(paused).toEqual([...SETTLE_PAUSES_SECONDS]);
});

test('on an emulator the pauses move the virtual clock and nothing sleeps', async () => {
  const advanced: number[] = [];
  const control = {
    advance: async (seconds: number) => {
      advanced.push(seconds);
      return new Date(0);
    },
  } as unknown as ControlClient;
  const driver = offlineEmulatorDriver(control, 'run-eventually');
  let reads = 0;
  const started = performance.now();
  const seen = await driver.eventually(
    async () => ++reads,
    () => false,
  );
  expect(seen.settled).toBe(false);
  expect(advanced).toEqual([...SETTLE_PAUSES_SECONDS]);
  // Thirty virtual seconds took no real ones: slept, they would take 30 s; half is a bound a loaded
  // machine's few reads cannot reach (1 s was).
  expect(performance.now() - started).toBeLessThan(15_000);
});

test('a value that stops the reads ends them at once, unsettled', async () => {
  const paused: number[] = [];
  let reads = 0;
  const seen = await readUntil(
    async (): Promise<number> => (++reads === 2 ? 429 : 404),
    (status) => status === 200,
    async (s) => void paused.push(s),
    SETTLE_PAUSES_SECONDS,
    (status) => status === 429,
  );
  expect(seen).toEqual({ value: 429, settled: false, waitedSeconds: 0.5, reads: 2 });
  expect(paused).toEqual([0.5]);
});
