import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { file } from './config-env.ts';

test.afterEach(removeTempDirs);

// A profile file may make every answer of the embedded emulator wait up to a second (timing.latencyMs,
// schemas/observed-profile.schema.json): a lawful, slow target. Its tests of many calls in turn all
// timed out at 30 s (9 ERROR rows with latencyMs 1000); the test timeout grows with the latency.
test("the embedded emulator's test timeout grows with its profile file's latency", () => {
  const slow = file('slow.json', '{"profileVersion":1,"timing":{"latencyMs":1000},"points":{}}');
  expect(loadConfig({ MDE_EMULATOR_PROFILE_FILE: slow }).testTimeoutMs).toBe(230_000);
  const quick = file('quick.json', '{"profileVersion":1,"timing":{"latencyMs":5},"points":{}}');
  expect(loadConfig({ MDE_EMULATOR_PROFILE_FILE: quick }).testTimeoutMs).toBe(31_000);
  const none = file('none.json', '{"profileVersion":1,"points":{}}');
  expect(loadConfig({ MDE_EMULATOR_PROFILE_FILE: none }).testTimeoutMs).toBe(30_000);
});
