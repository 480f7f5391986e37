import { startEmulator } from '../../src/emulator/index.ts';
import { probeOpenPoints } from '../../src/selftest/calibration/differential-probe.ts';
import { testKeys } from '../emulator/test-keys.ts';
import { expect, test } from '../helpers/api-test.ts';

// An emulator whose clock runs on between the probe's advances (here 20 ms a reading, as a loaded
// machine's seconds move one on real time) reads differently from run to run: the probe refuses it
// instead of handing the calibration a reading that is the machine's speed.
test('the differential probe refuses an emulator whose clock moves without it', async () => {
  let nowMs = Date.parse('2026-01-01T00:00:00.000Z');
  const running = await startEmulator(
    { port: 0, profile: 'default' },
    { ...(await testKeys()), timeSource: { now: () => (nowMs += 20) } },
  );
  try {
    await expect(probeOpenPoints(running.url)).rejects.toThrow(/clock moved [\d.]+ s more than/);
  } finally {
    await running.close();
  }
});
