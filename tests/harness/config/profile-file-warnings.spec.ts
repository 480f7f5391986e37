import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractHash } from '../../../src/contract/contract-hash.ts';
import { profileFileWarnings } from '../../../src/harness/config/profile-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// MDE_EMULATOR_PROFILE_FILE observed under another contract was read without a word, as by the emulator
// (tests/emulator/cli/profile-contract-warning.spec.ts): one warning line, printed before the run.
test('a profile file observed under another contract is one warning line; this contract, none or a bad file, none', () => {
  const dir = tempDir('profile-warnings-');
  const write = (name: string, source: object | string) => {
    const path = join(dir, name);
    const text =
      typeof source === 'string'
        ? source
        : JSON.stringify({ profileVersion: 1, source, points: { 'error-target': { reading: true } } });
    writeFileSync(path, text);
    return path;
  };
  const other = write('other.json', { kind: 'observed', contractHash: 'sha256:0000000000000000' });
  expect(profileFileWarnings(other)).toEqual([
    `warning: ${other} was observed by a suite under another contract (sha256:0000000000000000; this suite's is ${contractHash()}): its readings are used as written; run the suite against its target again to refresh it (docs/calibration.md#loop)`,
  ]);
  expect(profileFileWarnings(write('same.json', { kind: 'observed', contractHash: contractHash() }))).toEqual(
    [],
  );
  expect(profileFileWarnings(write('none.json', { kind: 'hand-written' }))).toEqual([]);
  expect(profileFileWarnings(write('bad.json', '{"profileVersion": 1,'))).toEqual([]);
  expect(profileFileWarnings(undefined)).toEqual([]);
});
