import { readFileSync } from 'node:fs';
import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { MAX_PROFILE_LATENCY_MS } from '../../../src/harness/config/timeouts.ts';
import { expect, test } from '../../helpers/api-test.ts';

// An emulator already running may be the reference one started with a profile file whose
// timing.latencyMs delays every answer up to a second (docs/calibration.md, step 3): a lawful, slow
// target whose file the suite cannot read. At 1000 ms CANCEL.FIELDS's Pending case ran out of its
// 30 s (ERROR, exit 2) where the same emulator embedded passes; so the test timeout of MDE_TARGET=emulator
// allows the slowest latency a profile may set, as the embedded one's grows with its file's.
test('an emulator already running gets the test timeout of the slowest profile latency', () => {
  expect(loadConfig({ MDE_TARGET: 'emulator' }).testTimeoutMs).toBe(230_000);
});

test("the slowest profile latency is the profile format's maximum", () => {
  const schema = JSON.parse(readFileSync('schemas/observed-profile.schema.json', 'utf8'));
  const latency = JSON.stringify(schema).match(/"latencyMs":\{[^}]*"maximum":(\d+)/);
  expect(Number(latency?.[1])).toBe(MAX_PROFILE_LATENCY_MS);
});
