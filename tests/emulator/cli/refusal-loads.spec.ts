import { FAULT_NAMES } from '../../../src/emulator/faults/catalogue.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecordingLoads } from '../../helpers/loaded-modules.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const CATALOGUE = 'src/emulator/faults/catalogue.ts';
const MAIN = 'src/emulator/cli/main.ts';

// The command line loaded the fault catalogue (some 30 modules) to read any argument, so a mistyped
// flag paid for it before its one line. It is loaded to check the names a --fault gives, and for
// --help's count and --list-faults.
test('a command line refused without a --fault loads no fault catalogue', () => {
  const { run, loaded } = runRecordingLoads(MAIN, ['--port', 'x']);
  expect(run.stderr.trim().split('\n')).toEqual([
    'emulator: --port must be a number from 0 to 65535 (got "x"). (see --help)',
  ]);
  expect(run.status).toBe(2);
  expect(loaded).toContain(MAIN);
  expect(loaded).not.toContain(CATALOGUE);
  expect(loaded.filter((m) => m.startsWith('src/emulator/faults/'))).toEqual([]);
});

test('a --fault is checked against the catalogue, and --help counts it', () => {
  const fault = runRecordingLoads(MAIN, ['--fault', 'no-such-fault']);
  expect(fault.run.stderr).toMatch(/^emulator: --fault names unknown fault no-such-fault; /);
  expect(fault.run.status).toBe(2);
  expect(fault.loaded).toContain(CATALOGUE);
  const help = runRecordingLoads(MAIN, ['--help']);
  expect(help.run.stdout).toContain(
    `Faults: ${FAULT_NAMES.length} known; see docs/emulator.md or --list-faults.`,
  );
  expect(help.run.status).toBe(0);
});
