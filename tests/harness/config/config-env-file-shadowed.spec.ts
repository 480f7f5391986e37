import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envFileLineWarnings } from '../../../src/harness/config/env-file-lines.ts';
import { readEnv } from '../../../src/harness/config/read-env.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The environment wins over .env, without a word: a walk fixed the secret on its .env line while an
// older `export MDE_CLIENT_SECRET=...` stayed in the shell, and the sign-in said the secret was wrong
// (AADSTS7000215) with the right one in .env; an empty `MDE_TARGET=` in the environment, which counts
// as unset, hid .env's `MDE_TARGET=tenant`, and the run said to set MDE_TARGET. One warning per such
// variable, by name and .env line, never a value.
test('a setting of .env the environment hides, by another value or an empty one, is one warning each', () => {
  const dir = tempDir('env-shadowed-');
  writeFileSync(
    join(dir, '.env'),
    [
      'MDE_TARGET=tenant',
      'MDE_CLIENT_SECRET=file-secret-value',
      'MDE_QUOTA_SHARE=0.5',
      'UNRELATED=1',
      'AZURE_CLIENT_ID=11111111-2222-3333-4444-555555555555',
    ].join('\n'),
  );
  const env = {
    MDE_TARGET: '',
    MDE_CLIENT_SECRET: 'env-secret-value',
    MDE_QUOTA_SHARE: '0.5',
    UNRELATED: '2',
  };
  // What the run reads: the environment's value, the empty one too.
  expect(readEnv(dir, env)).toMatchObject({ MDE_TARGET: '', MDE_CLIENT_SECRET: 'env-secret-value' });
  const warnings = envFileLineWarnings(dir, env);
  expect(warnings).toEqual([
    'warning: MDE_TARGET is set empty in the environment, which hides .env line 1: an empty value counts as unset, so neither is used; unset it there (unset MDE_TARGET) to use the line',
    'warning: MDE_CLIENT_SECRET is set in the environment to another value than on .env line 2; the environment wins: unset it there (unset MDE_CLIENT_SECRET) to use the line, or make the two agree',
  ]);
  expect(warnings.join('\n')).not.toContain('secret-value');
});

test('the same value in both, or a setting in one of them only, says nothing', () => {
  const dir = tempDir('env-shadowed-');
  writeFileSync(join(dir, '.env'), ['MDE_TARGET=tenant', 'MDE_RUN_ID=walk'].join('\n'));
  expect(envFileLineWarnings(dir, { MDE_TARGET: 'tenant', MDE_QUOTA_SHARE: '0.2' })).toEqual([]);
});
