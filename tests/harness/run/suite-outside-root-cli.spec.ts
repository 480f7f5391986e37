import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// `npx playwright test` from tests/ finds no playwright.config.ts there and loads the conformance
// files bare; their error said only "run the suite with a conformance config", which names neither
// the command nor where to run it.
test('npx playwright test from a subdirectory names the command and where to run it', () => {
  const cli = join(process.cwd(), 'node_modules/@playwright/test/cli.js');
  const run = spawnSync(process.execPath, [cli, 'test', '--list', 'conformance/auth-missing.spec.ts'], {
    cwd: join(process.cwd(), 'tests'),
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(`${run.stdout}${run.stderr}`).toContain(
    "run `npm run conformance` (from any directory) or `npx playwright test` from the repository's root",
  );
  expect(run.status).not.toBe(0);
});

// `node --import tsx scripts/conformance.ts`, as docs/interfaces.md suggests for CI, from docs/ found no
// playwright.config.ts: a Playwright stack trace, then a stopped-run report over the repository's last
// whole run, its Allure results removed, and a stray docs/test-results/. From a subdirectory it now
// runs from the root, as npm run does; from outside the repository it is one line before Playwright.
test('scripts/conformance.ts from a subdirectory runs from the root, and from outside it is one line', () => {
  const script = join(repoRoot, 'scripts', 'conformance.ts');
  const fromDocs = spawnSync(process.execPath, ['--import', 'tsx', script, '--list'], {
    cwd: join(repoRoot, 'docs'),
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(fromDocs.stderr).not.toContain('    at ');
  expect(fromDocs.stdout).toMatch(/Total: \d+ tests in \d+ files/);
  expect(fromDocs.status).toBe(0);
  expect(existsSync(join(repoRoot, 'docs', 'test-results'))).toBe(false);

  const outside = tempDir('conformance-outside-');
  const fromOutside = spawnSync(process.execPath, [...CONFORMANCE_ARGS, '--list'], {
    cwd: outside,
    env: withoutMdeVariables(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(fromOutside.stderr.trim().split('\n')).toEqual([
    `conformance: the suite runs from its repository (${repoRoot}), not ${realpathSync(outside)}: run \`npm run conformance\` from any directory of it, or cd there`,
  ]);
  expect(fromOutside.status).toBe(2);
});
