import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';

// npm run conformance refuses --workers above 1 for a target the run shares (its rate tests would run
// beside the others on one clock); a plain `npx playwright test` took it and ran, FAILing a lawful
// emulator's rate limits. The configuration refuses it there too, in the same line, before any test.
test('a plain Playwright run against an emulator already running refuses --workers=3 in one line', () => {
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--workers=3'],
    {
      cwd: repoRoot,
      // Port 9 (discard): nothing is asked of it, as the run stops while its configuration loads.
      env: { ...withoutMdeVariables(), MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'http://127.0.0.1:9' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.stderr.trim().split('\n')).toEqual([
    'conformance: --workers 3: MDE_TARGET=emulator runs on one worker, as its clock and rate limits are shared by every test (more would make them fail each other); leave --workers out',
  ]);
  expect(run.stdout).not.toContain('Running');
  expect(run.status).toBe(2);
});
