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

// The JSON check read the text decoded as UTF-8, where UTF-16's non-ASCII characters had become
// U+FFFD and shifted its zeros out of step, and any file starting with two U+FFFD was "UTF-16". It
// now reads the bytes, as the .env check does (utf16-bytes.ts).
test('a profile file in UTF-16 without a byte order mark, mostly beyond ASCII, is named as such', () => {
  const file = join(tempDir('json-utf16-'), 'staging.profile.json');
  for (const bytes of [
    utf16('{"name": "日本語のプロファイル、一覧"}', false),
    utf16('{"name": "日本語のプロファイル、一覧"}', false).swap16(),
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"name": "Überprüfung"}', 'utf16le').swap16()]),
  ]) {
    writeFileSync(file, bytes);
    expect(profileFileProblem(file)).toMatch(/which is not valid JSON \(UTF-16 encoded, /);
  }
});

test('a UTF-8 file starting with two replacement characters is not taken for UTF-16', () => {
  const file = join(tempDir('json-utf16-'), 'profile.json');
  writeFileSync(file, '\ufffd\ufffd{"profileVersion": 1}');
  expect(profileFileProblem(file)).toBe(
    `names ${file}, which is not valid JSON (unexpected text at line 1 column 1)`,
  );
});

// Zeros in a quarter of the bytes made a .env "UTF-16"; a JSON file's were named as NULs, as they are.
test('a profile file with zeros in a quarter of its bytes, not alternating, is named by its NUL', () => {
  const file = join(tempDir('json-utf16-'), 'profile.json');
  writeFileSync(file, Buffer.concat([Buffer.from('{"profileVersion": 1}'), Buffer.alloc(8)]));
  expect(profileFileProblem(file)).toMatch(/which is not valid JSON \(a NUL byte at position 21: /);
});
