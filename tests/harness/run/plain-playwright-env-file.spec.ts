import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// npm run conformance said a .env it could not read in one line; a plain `npx playwright test` gave the
// same ConfigError as the runner's stack trace, and exit 1: the warnings that read .env came before the
// guard that turns a ConfigError into its lines and exit 2 (docs/interfaces.md#environment).
for (const [what, make, line] of [
  ['a directory', (dir: string) => mkdirSync(join(dir, '.env')), /^ConfigError: \.env is a directory /],
  [
    'UTF-16',
    (dir: string) => writeFileSync(join(dir, '.env'), Buffer.from('\ufeffMDE_TARGET=emulator\n', 'utf16le')),
    /^ConfigError: \.env is UTF-16 encoded /,
  ],
] as const) {
  test(`a plain Playwright run with a .env that is ${what} prints one line and exits 2`, () => {
    // Its .env is the working directory's, as the configuration reads it.
    const dir = tempDir('plain-env-file-');
    make(dir);
    const run = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
        'test',
        '--list',
        '-c',
        join(repoRoot, 'playwright.config.ts'),
      ],
      { cwd: dir, env: withoutMdeVariables(), encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(run.status).toBe(2);
  });
}
