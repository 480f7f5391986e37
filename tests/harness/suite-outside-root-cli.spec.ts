import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '../helpers/api-test.ts';
import { withoutMdeVariables } from '../helpers/script-env.ts';

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
