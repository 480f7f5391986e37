import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileWriteError } from '../../src/common/file-write-error.ts';
import { temporaryFileOf, writeWhole } from '../../src/common/write-whole.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('a file is replaced whole, and nothing else is left in its directory', () => {
  const dir = tempDir('write-whole-');
  const file = join(dir, 'run-1-abc-42.json');
  writeFileSync(file, '{"old":true}');
  writeWhole(file, '{"new":true}');
  expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
  expect(readdirSync(dir)).toEqual(['run-1-abc-42.json']);
});

// /dev/full and /sys behave so on Linux; elsewhere these two cannot be set up without a full disk.
const linuxOnly = () => test.skip(process.platform !== 'linux', 'needs /dev/full and /sys');

// A full disk failed the write as "ENOSPC: no space left on device, write", naming no file, and left
// the temporary file behind. Writing to /dev/full fails with ENOSPC on Linux: the temporary name is
// linked to it.
test('a write that fails (ENOSPC) names the file, the cause and the fix, and leaves the earlier file whole', () => {
  linuxOnly();
  const dir = tempDir('write-whole-full-');
  const file = join(dir, 'compliance.json');
  writeFileSync(file, '{"old":true}');
  symlinkSync('/dev/full', temporaryFileOf(file));
  let error: unknown;
  try {
    writeWhole(file, '{"new":true}');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FileWriteError);
  expect((error as FileWriteError).message).toBe(
    `cannot write ${file}: no space is left on its disk (ENOSPC); free space there`,
  );
  expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
  expect(readdirSync(dir)).toEqual(['compliance.json']);
});

// /sys refuses a new file even to root (EACCES): a permission denied after the preflight checked.
test('a write that is refused (EACCES) says to make it writable', () => {
  linuxOnly();
  expect(() => writeWhole('/sys/mde-write-whole-test.json', '{}')).toThrow(
    'cannot write /sys/mde-write-whole-test.json: this user may not write it (EACCES); make it and its directory writable (chmod u+w) or remove it',
  );
});
