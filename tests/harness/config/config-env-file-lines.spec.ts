import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { envFileLineWarnings, unassignedLines } from '../../../src/harness/config/env-file-lines.ts';
import { readEnvFile } from '../../../src/harness/config/read-env.ts';
import { unknownVariableWarnings } from '../../../src/harness/config/unknown-variables.ts';
import { ConfigError } from '../../../src/harness/errors.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// dotenv skips a line it cannot read without a word: `MDE_TARGET emulator` ran the embedded emulator,
// `set MDE_ALLOW_WRITES=true` left writes off, and nothing said why.
test('a .env line that sets nothing is one warning naming its line and variable, never its text', () => {
  const dir = tempDir('env-lines-');
  writeFileSync(
    join(dir, '.env'),
    [
      '# a comment',
      'MDE_TARGET emulator',
      '',
      'set MDE_ALLOW_WRITES=true',
      '$env:mde_client_secret="s3cret-value"',
      'just some words',
      'MDE_QUOTA_SHARE=0.2',
    ].join('\r\n'),
  );
  const warnings = envFileLineWarnings(dir, {});
  expect(warnings).toEqual([
    'warning: .env line 2 is not NAME=value and is ignored, so MDE_TARGET is not set by it; write it as MDE_TARGET=<value>',
    'warning: .env line 4 is not NAME=value and is ignored, so MDE_ALLOW_WRITES is not set by it; write it as MDE_ALLOW_WRITES=<value>',
    'warning: .env line 5 is not NAME=value and is ignored, so MDE_CLIENT_SECRET is not set by it; write it as MDE_CLIENT_SECRET=<value>',
    'warning: .env line 6 is not NAME=value and is ignored; write each setting as NAME=value',
  ]);
  expect(warnings.join('\n')).not.toContain('s3cret');
});

test('what dotenv reads passes quietly: export, spaces, a colon, comments and quoted values over lines', () => {
  const text = [
    'export MDE_TARGET=emulator',
    'MDE_API_BASE_URL = http://127.0.0.1:4010 # the emulator',
    'MDE_RUN_ID: nightly',
    '  # indented comment',
    'MDE_CLIENT_SECRET="first line',
    'second line with no equals sign',
    'closing"',
    "MDE_SCOPE='a \\' quote'",
    'MDE_EMPTY=',
  ].join('\n');
  expect(unassignedLines(text)).toEqual([]);
  expect(envFileLineWarnings(tempDir('env-lines-none-'), {})).toEqual([]);
});

// dotenv reads MDE-TARGET as a name of its own, which no setting has.
test('an MDE- name with hyphens is the unknown-variable warning, with the setting it meant', () => {
  expect(unknownVariableWarnings({ 'MDE-TARGET': 'emulator' })).toEqual([
    'warning: MDE-TARGET is not a setting of this suite and is ignored; did you mean MDE_TARGET? (docs/interfaces.md lists them)',
  ]);
});

// dotenv reads a quoted value over several lines only when its closing quote ends a line: a quote left
// open is kept in the value (a secret that then fails to sign in), and the lines after it are read as
// usual. The check had taken them for the rest of the value, and said nothing about either.
test("a quote that does not close at a line's end is warned about, and the lines after it are still read", () => {
  const text = [
    'MDE_CLIENT_SECRET="s3cret-value',
    'MDE_TARGET emulator',
    'MDE_RUN_ID="nightly" # a comment',
    'OTHER_SETTING="x" y',
  ].join('\n');
  expect(parse(text)).toMatchObject({ MDE_CLIENT_SECRET: '"s3cret-value', MDE_RUN_ID: 'nightly' });
  expect(unassignedLines(text)).toEqual([
    { line: 1, unclosed: true, name: 'MDE_CLIENT_SECRET' },
    { line: 2, name: 'MDE_TARGET' },
    { line: 4, unclosed: true },
  ]);
  const dir = tempDir('env-lines-quote-');
  writeFileSync(join(dir, '.env'), text);
  const warnings = envFileLineWarnings(dir, {});
  expect(warnings[0]).toBe(
    "warning: .env line 1 opens a quote it does not close at a line's end, so MDE_CLIENT_SECRET's value keeps the quote character (dotenv reads it unquoted); close the quote or leave the quotes out",
  );
  expect(warnings.join('\n')).not.toContain('s3cret');
});

// PowerShell 5's `>` and Out-File write UTF-16: read as UTF-8 every line looked malformed, the warnings
// named lines that read well in an editor, and the run went on against the default target.
test('a .env in UTF-16 is one ConfigError saying to save it as UTF-8, never its text', () => {
  for (const bytes of [
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('MDE_CLIENT_SECRET=s3cret\r\n', 'utf16le')]),
    Buffer.from('MDE_TARGET=emulator\n', 'utf16le'),
  ]) {
    const dir = tempDir('env-utf16-');
    writeFileSync(join(dir, '.env'), bytes);
    let error: unknown;
    try {
      readEnvFile(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).lines();
    expect(lines).toEqual([expect.stringMatching(/^ConfigError: \.env is UTF-16 .*save it as UTF-8/)]);
    expect(lines.join('\n')).not.toContain('s3cret');
  }
});
