import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { envFileLineWarnings } from '../../../src/harness/config/env-file-lines.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const LINES = [
  'MDE_CLIENT_SECRET=walk6#secret-value',
  'MDE_TARGET=tenant # the staging tenant',
  'MDE_LIMITED_CLIENT_SECRET="with \\"quotes\\" secret-value"',
  'MDE_ROLE_SCAN_CLIENT_SECRET=\'with "quotes" # secret-value\'',
  'MDE_RUN_ID=#secret-value',
  'SOMETHING_ELSE=a#b',
  'MDE_ROLE_ISOLATE_CLIENT_SECRET=walk6 with "quotes" # secret-value',
];

// A walk's secret held a `#` and a `"`: dotenv ends an unquoted value at its first `#` (the rest is a
// comment) and keeps a backslash before a quote inside double quotes, so the value sent was not the
// one written, and the sign-in said only that the secret was wrong (AADSTS7000215). Said by line and
// name, never the value; a `#` after one word and a space is a comment, single quotes keep everything.
test('what dotenv reads otherwise than written: a # inside an unquoted value, \\" inside double quotes', () => {
  const read = parse(LINES.join('\n'));
  expect(read.MDE_CLIENT_SECRET).toBe('walk6');
  expect(read.MDE_LIMITED_CLIENT_SECRET).toBe('with \\"quotes\\" secret-value');
  expect(read.MDE_RUN_ID).toBe('');
  expect(read.MDE_ROLE_ISOLATE_CLIENT_SECRET).toBe('walk6 with "quotes"');
  const dir = tempDir('env-misread-');
  writeFileSync(join(dir, '.env'), LINES.join('\r\n'));
  const warnings = envFileLineWarnings(dir, {});
  expect(warnings).toEqual([
    `warning: .env line 1 ends MDE_CLIENT_SECRET's value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (MDE_CLIENT_SECRET='...')`,
    `warning: .env line 3 holds \\" inside MDE_LIMITED_CLIENT_SECRET's double-quoted value, and dotenv keeps the backslash; put a value holding " in single quotes (MDE_LIMITED_CLIENT_SECRET='...') without backslashes`,
    `warning: .env line 5 ends MDE_RUN_ID's value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (MDE_RUN_ID='...')`,
    `warning: .env line 7 ends MDE_ROLE_ISOLATE_CLIENT_SECRET's value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (MDE_ROLE_ISOLATE_CLIENT_SECRET='...')`,
  ]);
  expect(warnings.join('\n')).not.toContain('secret-value');
});

// `NAME= # note` is the usual way to leave a setting empty with a note beside it: dotenv reads it empty,
// as written. Only a `#` written right after the `=` may open a value (a secret that starts with one).
test('an empty value with a comment after spaces is no misread value', () => {
  const dir = tempDir('env-misread-');
  writeFileSync(
    join(dir, '.env'),
    ['MDE_CLIENT_SECRET= # set in CI', 'MDE_TARGET=\t# the default', 'MDE_RUN_ID=#secret-value'].join('\n'),
  );
  expect(envFileLineWarnings(dir, {})).toEqual([
    `warning: .env line 3 ends MDE_RUN_ID's value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (MDE_RUN_ID='...')`,
  ]);
});

// dotenv ends an unquoted value at a `#` after a space and trims before it: `a path with spaces # note`
// reads `a path with spaces`, as written, and a comment after a value of several words is the usual
// note. Only a secret, which never holds a space (an Entra secret is one run of `[A-Za-z0-9~._-]`), is
// taken to have had its ` # ` cut out of it.
test('a value of several words with a comment after spaces is no misread value, but a secret of several is', () => {
  const lines = [
    'MDE_CLIENT_CERTIFICATE_PATH=/home/me/My Certs/app.pem # the CI certificate',
    'MDE_EMULATOR_FAULTS=cancel-new-id, list-no-paging  # two at once',
    'AZURE_CLIENT_SECRET=walk6 with spaces # secret-value',
  ];
  const read = parse(lines.join('\n'));
  expect(read.MDE_CLIENT_CERTIFICATE_PATH).toBe('/home/me/My Certs/app.pem');
  expect(read.MDE_EMULATOR_FAULTS).toBe('cancel-new-id, list-no-paging');
  const dir = tempDir('env-misread-');
  writeFileSync(join(dir, '.env'), lines.join('\n'));
  expect(envFileLineWarnings(dir, {})).toEqual([
    `warning: .env line 3 ends AZURE_CLIENT_SECRET's value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (AZURE_CLIENT_SECRET='...')`,
  ]);
});
