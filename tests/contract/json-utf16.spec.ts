import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileFileProblem } from '../../src/harness/config/profile-file.ts';
import { expect, test } from '../helpers/api-test.ts';
import { withoutMdeVariables } from '../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// PowerShell 5's `>` and Out-File write UTF-16: `Get-Content reports\observed-profile.json >
// calibration\staging.profile.json` gives a file that looks right in any editor and that the run and the
// emulator refused as "not valid JSON (unexpected text)", which says nothing of what to fix. A .env in
// UTF-16 was already named as such (read-env.ts); a JSON file of the user's now is too.
function utf16(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

for (const bom of [true, false])
  test(`a profile file in UTF-16${bom ? ' with its byte order mark' : ''} is named as such, with the fix`, () => {
    const file = join(tempDir('json-utf16-'), 'staging.profile.json');
    writeFileSync(file, utf16('{"profileVersion": 1}\r\n', bom));
    expect(profileFileProblem(file)).toBe(
      `names ${file}, which is not valid JSON (UTF-16 encoded, as PowerShell's > and Out-File write it: save it as UTF-8)`,
    );
  });

test('npm run emulator -- --seed names a UTF-16 seed file as such, in one line, exit 2', () => {
  const file = join(tempDir('json-utf16-'), 'seed.json');
  writeFileSync(file, utf16('{"apps": []}', true));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(process.cwd(), 'src', 'emulator', 'cli', 'main.ts'),
      '--port',
      '0',
      '--seed',
      file,
    ],
    { env: withoutMdeVariables(), encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('UTF-16 encoded')]);
  expect(run.status).toBe(2);
});

test('a UTF-8 file, with or without a byte order mark, is not taken for UTF-16', () => {
  const file = join(tempDir('json-utf16-'), 'profile.json');
  for (const text of ['{"profileVersion": 1}', '\ufeff{"profileVersion": 1}']) {
    writeFileSync(file, text);
    expect(profileFileProblem(file)).toMatch(/^is not a valid profile: /);
  }
});
