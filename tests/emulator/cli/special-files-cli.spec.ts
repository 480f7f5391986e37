import { spawnSync } from 'node:child_process';
import { expect, test } from '../../helpers/api-test.ts';
import { namedPipe } from '../../helpers/named-pipe.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A named pipe nobody writes (mkfifo, bash's <(...) once read) given as a file: the emulator blocked
// in its read for ever, printing nothing; /dev/zero was read until memory ran out. Each is one line
// naming the flag and what the path is, exit 2, at once.
function emulatorWith(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/emulator/cli/main.ts', '--port', '0', ...args],
    {
      encoding: 'utf8',
      timeout: 15_000,
    },
  );
}

const fifo = () => namedPipe('emulator-fifo-');

test.describe('files that are no regular file', () => {
  test.skip(process.platform === 'win32', 'mkfifo and /dev/zero are POSIX');

  for (const [flag, extra] of [
    ['--seed', []],
    ['--profile-file', []],
    ['--tls-cert', ['--https', '--tls-key', 'tests/fixtures/no-such-key.pem']],
  ] as const)
    test(`${flag} naming a named pipe is one line and exit 2, without waiting for a writer`, () => {
      const path = fifo();
      const run = emulatorWith([flag, path, ...extra]);
      expect(run.signal).toBeNull();
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^emulator: .*${path}.*a named pipe \\(FIFO\\), not a regular file`),
        ),
      ]);
      expect(run.status).toBe(2);
    });

  test('--seed /dev/zero is refused as a device, not read without end', () => {
    const run = emulatorWith(['--seed', '/dev/zero']);
    expect(run.signal).toBeNull();
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^emulator: --seed.*\/dev\/zero.*a device, not a regular file/),
    ]);
    expect(run.status).toBe(2);
  });
});
