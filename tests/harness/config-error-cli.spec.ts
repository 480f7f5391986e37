import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { withoutMdeVariables } from '../helpers/script-env.ts';

// Both ways a user starts a run stop on a bad environment with one line per problem and exit 2,
// never a stack trace (docs/interfaces.md#environment).
const LINE = 'ConfigError: MDE_TARGET must be one of embedded, emulator, tenant (got "prod")';
const env = { ...withoutMdeVariables(), MDE_TARGET: 'prod' };

for (const [how, args] of [
  ['npm run conformance', ['--import', 'tsx', 'scripts/conformance.ts']],
  ['npx playwright test', ['node_modules/@playwright/test/cli.js', 'test', '--list']],
] as const) {
  test(`${how} with MDE_TARGET=prod prints one line and exits 2`, async () => {
    const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr.trim().split('\n')).toEqual([LINE]);
    expect(run.status).toBe(2);
  });
}
