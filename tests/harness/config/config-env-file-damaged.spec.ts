import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvFile } from '../../../src/harness/config/read-env.ts';
import { ConfigError } from '../../../src/harness/errors.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

function problemOf(dir: string): string[] {
  try {
    readEnvFile(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).lines();
  }
  return [];
}

// One NUL byte in a UTF-8 .env was told "UTF-16 encoded, as PowerShell's > and Out-File write it":
// the user saved as UTF-8 a file that already was, and the run stopped the same way.
test('a stray NUL in a UTF-8 .env is named with its line, not as UTF-16, never with its text', () => {
  const dir = tempDir('env-nul-');
  writeFileSync(join(dir, '.env'), 'MDE_TARGET=emulator\nMDE_CLIENT_SECRET=s3cr\u0000et\n');
  const lines = problemOf(dir);
  expect(lines).toEqual([
    expect.stringMatching(/^ConfigError: \.env holds a NUL byte on line 2 .*remove it/),
  ]);
  expect(lines.join('\n')).not.toContain('s3cr');
});

test('UTF-16 without a byte order mark, with text beyond ASCII, is still named as UTF-16', () => {
  const dir = tempDir('env-utf16-');
  writeFileSync(join(dir, '.env'), Buffer.from('# Überprüfung\nMDE_TARGET=emulator\n', 'utf16le'));
  expect(problemOf(dir)).toEqual([expect.stringMatching(/^ConfigError: \.env is UTF-16 /)]);
});

// The .env check took zeros in a quarter of its bytes for UTF-16, where the JSON check wanted them at
// alternate positions: a .env cut short into zeros, or one NUL in a short file, was sent to PowerShell's
// fix. Both now share one check (utf16-bytes.ts).
for (const [what, bytes, line] of [
  ['cut short into zeros', Buffer.concat([Buffer.from('MDE_TARGET=emulator\n'), Buffer.alloc(64)]), 2],
  ['of zeros only', Buffer.alloc(100), 1],
  ['of one short line with a NUL', Buffer.from('A=\u0000\n'), 1],
] as const)
  test(`a .env ${what} is named by its NUL, not as UTF-16`, () => {
    const dir = tempDir('env-nul-');
    writeFileSync(join(dir, '.env'), bytes);
    expect(problemOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^ConfigError: \\.env holds a NUL byte on line ${line} `)),
    ]);
  });

test('a .env in UTF-16 big-endian without a byte order mark is named as UTF-16', () => {
  const dir = tempDir('env-utf16-');
  writeFileSync(join(dir, '.env'), Buffer.from('# Überprüfung\nMDE_TARGET=emulator\n', 'utf16le').swap16());
  expect(problemOf(dir)).toEqual([expect.stringMatching(/^ConfigError: \.env is UTF-16 /)]);
});

// A .env that is a link to a missing file (a dotfiles checkout, a secret mount not yet made) was read
// as no .env: the run went on with the defaults, against the embedded target, saying nothing.
test('a .env linking to a file that does not exist is one ConfigError naming the link', () => {
  const dir = tempDir('env-link-');
  symlinkSync(join(dir, 'secrets', 'mde.env'), join(dir, '.env'));
  expect(problemOf(dir)).toEqual([
    `ConfigError: .env is a link to ${join(dir, 'secrets', 'mde.env')}, which does not exist; make the file, fix the link, or remove it`,
  ]);
});

test('no .env at all is no setting and no problem', () => {
  expect(readEnvFile(tempDir('env-none-'))).toEqual({});
});
