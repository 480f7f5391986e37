import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { namedPipe } from '../../helpers/named-pipe.ts';
import { runScriptWith } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A baseline or records file that is a named pipe nobody writes (mkfifo; bash's <(...) once read):
// the command blocked in its read for ever, printing nothing. Each is one line naming the path and
// what it is, exit 2, before anything is written.
const fifo = () => namedPipe('reporters-fifo-');

const script = runScriptWith;

test.describe('report inputs that are no regular file', () => {
  test.skip(process.platform === 'win32', 'mkfifo is POSIX');

  test('MDE_BASELINE naming a named pipe stops the run with one line, exit 2', () => {
    const path = fifo();
    const run = script('conformance.ts', { MDE_BASELINE: path });
    expect(run.signal).toBeNull();
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^BaselineError: MDE_BASELINE=${path}: .*a named pipe \\(FIFO\\), not a regular file`),
      ),
    ]);
    expect(run.status).toBe(2);
  });

  test('npm run report --records naming a named pipe is one line, exit 2', () => {
    const path = fifo();
    const run = script('report.ts', {}, [
      '--records',
      path,
      '--no-allure',
      '--dir',
      tempDir('reporters-run-'),
    ]);
    expect(run.signal).toBeNull();
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^report: ${path}: .*a named pipe \\(FIFO\\), not a regular file`)),
    ]);
    expect(run.status).toBe(2);
  });
});

// A wrong file named, gigabytes long (sparse here: it takes no disk): "report: File size (3221225472)
// is greater than 2 GiB" named neither the file nor the fix, and the baseline's line said
// "cannot be read (ERR_STRING_TOO_LONG)". Refused by its size, before it is read.
test('a baseline or records file gigabytes long is refused by its size, naming the file', () => {
  const path = join(tempDir('reporters-huge-'), 'huge.json');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
  const baseline = script('conformance.ts', { MDE_BASELINE: path });
  expect(baseline.stderr.trim().split('\n')).toEqual([
    `BaselineError: MDE_BASELINE=${path}: ${path}: it is 3072.0 MB, more than such a file ever holds (at most 16.0 MB); check that the path names the right file`,
  ]);
  expect(baseline.status).toBe(2);
  const report = script('report.ts', {}, [
    '--records',
    path,
    '--no-allure',
    '--dir',
    tempDir('reporters-run-'),
  ]);
  expect(report.stderr.trim().split('\n')).toEqual([
    `report: ${path}: it is 3072.0 MB, more than such a file ever holds (at most 256.0 MB); check that the path names the right file`,
  ]);
  expect(report.status).toBe(2);
});
