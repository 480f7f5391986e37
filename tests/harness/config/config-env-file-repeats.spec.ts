import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envFileLineWarnings } from '../../../src/harness/config/env-file-lines.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// dotenv keeps the last of two lines that set one variable, without a word: a .env with
// `MDE_ALLOW_WRITES=true` near the top and an older `MDE_ALLOW_WRITES=false` further down ran with
// writes off, and nothing said why. One warning per variable the suite reads, by its line numbers,
// never its values (either may be a secret).
test('a variable set on two lines of .env is one warning naming both lines and the one used', () => {
  const dir = tempDir('env-repeats-');
  writeFileSync(
    join(dir, '.env'),
    [
      'MDE_ALLOW_WRITES=true',
      'MDE_CLIENT_SECRET="first-secret-value"',
      'MDE_MACHINE_ID=abc12345',
      'export MDE_ALLOW_WRITES=false',
      "MDE_CLIENT_SECRET='second-secret-value'",
      'SOMETHING_ELSE=1',
      'SOMETHING_ELSE=2',
      'MDE_ALLOW_WRITES=false',
    ].join('\n'),
  );
  const warnings = envFileLineWarnings(dir, {});
  expect(warnings).toEqual([
    'warning: .env sets MDE_ALLOW_WRITES on lines 1, 4 and 8; only the last, line 8, is used: remove the others',
    'warning: .env sets MDE_CLIENT_SECRET on lines 2 and 5; only the last, line 5, is used: remove the other',
  ]);
  expect(warnings.join('\n')).not.toContain('secret-value');
});

test('a multi-line quoted value does not count its lines as settings', () => {
  const dir = tempDir('env-repeats-');
  writeFileSync(join(dir, '.env'), ['MDE_RUN_ID="a', 'MDE_RUN_ID=b"', 'MDE_TARGET=embedded'].join('\n'));
  expect(envFileLineWarnings(dir, {}).filter((w) => w.includes(' sets '))).toEqual([]);
});
