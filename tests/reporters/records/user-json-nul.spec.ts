import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSyntaxWhere } from '../../../src/common/json-syntax-error.ts';
import { JsonNulError, JsonUtf16Error, parseUserJson } from '../../../src/common/user-json.ts';
import { readRecords } from '../../../src/reporters/records/records-file.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function thrown(file: string | Uint8Array): unknown {
  try {
    parseUserJson(typeof file === 'string' ? Buffer.from(file) : file);
  } catch (error) {
    return error;
  }
  return undefined;
}

// Any NUL made a user's JSON file "UTF-16 encoded, as PowerShell's > and Out-File write it: save it as
// UTF-8": a records file whose end a crash left as zeros, or a seed file of zeros, was sent to
// PowerShell's fix. A NUL is now named as what it most likely is, with where it stands.
test('a JSON file ending in zeros is named by its NUL, not as UTF-16', () => {
  const error = thrown(`{"version": 1}${'\u0000'.repeat(4096)}`);
  expect(error).toBeInstanceOf(JsonNulError);
  expect(jsonSyntaxWhere(error)).toBe(
    'a NUL byte at position 14: the file was cut short as it was written (a crash, a full disk), or is not text',
  );
  expect(thrown('\u0000'.repeat(100))).toBeInstanceOf(JsonNulError);
});

test('UTF-16 without a byte order mark is still UTF-16, either byte order', () => {
  const little = Buffer.from('{"apps": [], "machines": []}', 'utf16le');
  const big = Buffer.from(little).swap16();
  for (const bytes of [little, big]) expect(thrown(bytes)).toBeInstanceOf(JsonUtf16Error);
});

test('npm run report names a records file cut short into zeros as such', () => {
  const file = join(tempDir('json-nul-'), 'compliance-records.json');
  writeFileSync(file, Buffer.concat([Buffer.from('{"version": 1, "tests": ['), Buffer.alloc(8192)]));
  expect(() => readRecords(file)).toThrow(
    `${file} is not valid JSON (a NUL byte at position 25: the file was cut short as it was written (a crash, a full disk), or is not text): run \`npm run conformance\` again to write it (a shard with its --shard=i/n)`,
  );
});
