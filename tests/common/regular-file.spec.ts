import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUserFile, UserFileError } from '../../src/common/regular-file.ts';
import { unreadableFile } from '../../src/common/unreadable-file.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('the read succeeded');
}

test('a regular file is read whole, as bytes or as text', () => {
  const file = join(tempDir('regular-file-'), 'seed.json');
  writeFileSync(file, '{"apps": []}');
  expect(readUserFile(file).toString()).toBe('{"apps": []}');
  expect(readUserFile(file, 'utf8')).toBe('{"apps": []}');
});

test('a directory and a missing file fail as Node says, so each reader keeps its own line for them', () => {
  const dir = tempDir('regular-file-');
  mkdirSync(join(dir, 'sub'));
  expect(unreadableFile(thrown(() => readUserFile(join(dir, 'sub'))))).toBe(
    'it is a directory; name the file',
  );
  expect(unreadableFile(thrown(() => readUserFile(join(dir, 'none'))))).toBe(
    'it does not exist; check the path',
  );
});

test.describe('no regular file', () => {
  test.skip(process.platform === 'win32', 'mkfifo and /dev/zero are POSIX');

  test('a named pipe nobody writes is refused at once, by what it is', () => {
    const path = join(tempDir('regular-file-'), 'pipe');
    execFileSync('mkfifo', [path]);
    const error = thrown(() => readUserFile(path));
    expect(error).toBeInstanceOf(UserFileError);
    expect(unreadableFile(error)).toMatch(
      /^it is a named pipe \(FIFO\), not a regular file.*name that file$/,
    );
  });

  test('a device is refused, not read without end', () => {
    expect(unreadableFile(thrown(() => readUserFile('/dev/zero')))).toMatch(
      /^it is a device, not a regular file/,
    );
  });
});

test('a file larger than the reader allows is refused by its size, before it is read', () => {
  const file = join(tempDir('regular-file-'), 'large.pem');
  writeFileSync(file, 'x'.repeat(2 * 1024 * 1024));
  expect(unreadableFile(thrown(() => readUserFile(file, 'utf8', 1024 * 1024)))).toBe(
    'it is 2.0 MB, more than such a file ever holds (at most 1.0 MB); check that the path names the right file',
  );
  expect(readUserFile(file, 4 * 1024 * 1024)).toHaveLength(2 * 1024 * 1024);
});
