import { renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emulatorEnvFileWarnings, envFileOrNone } from '../../../src/emulator/cli/env-file-settings.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { namedPipe } from '../../helpers/named-pipe.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// MDE_EMULATOR_PORT=4011 in .env was ignored without a word (the emulator listened on 4010): npm run
// emulator reads its variables from the environment only. It says so, naming the flag.
test('an emulator variable set only in .env is one warning line naming the flag to use', () => {
  expect(emulatorEnvFileWarnings({ MDE_EMULATOR_PORT: '4011', MDE_TARGET: 'emulator' }, {})).toEqual([
    'warning: MDE_EMULATOR_PORT is set in .env, which npm run emulator does not read (it reads its variables from the environment only); give it on the command line, or use --port',
  ]);
  expect(emulatorEnvFileWarnings({ MDE_EMULATOR_FAULTS: 'cancel-new-id' }, {})).toEqual([
    'warning: MDE_EMULATOR_FAULTS is set in .env, which npm run emulator does not read (it reads its variables from the environment only; the embedded target of npm run conformance does); give it on the command line, or use --fault',
  ]);
});

test('one the environment sets too, or an empty one, is not warned of', () => {
  expect(
    emulatorEnvFileWarnings({ MDE_EMULATOR_PORT: '4011', MDE_EMULATOR_HOST: '' }, { MDE_EMULATOR_PORT: '0' }),
  ).toEqual([]);
});

// The .env is read only to warn: one the emulator cannot read as a file (a named pipe nobody writes,
// which blocked its start for ever) is no .env to warn of.
test('a .env that is a named pipe is read as none, at once', () => {
  const pipe = namedPipe('emulator-env-pipe-');
  renameSync(pipe, join(dirname(pipe), '.env'));
  expect(envFileOrNone(dirname(pipe))).toEqual({});
});
