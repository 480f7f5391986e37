import type { TestCase } from '@playwright/test/reporter';
import {
  NEVER_STARTED,
  recordFromTest,
  whyNotStarted,
} from '../../../src/reporters/records/record-from-test.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A worker of `npm run conformance` killed (SIGKILL, as out of memory does) as it started a file's
// tests: Playwright failed the first test and ended the file's next ones skipped, and the run went on to
// its 69 other tests. Their rows read "1 of 2 tests did not run: the run stopped before it started",
// which it had not. Only a run that stopped (Ctrl-C, --global-timeout, --max-failures, an error of its
// own) says so now.
const lostWith = {
  title: 'a valid token for another audience answers 403 to a GET and a list',
  location: { file: '/suite/auth-audience.spec.ts', line: 41, column: 3 },
  parent: { project: () => ({ name: 'conformance' }) },
  annotations: [{ type: 'requirement', description: 'AUTH.AUDIENCE' }],
  results: [
    { status: 'skipped', annotations: [], duration: 0, startTime: new Date(), errors: [], steps: [] },
  ],
  outcome: () => 'skipped',
  timeout: 30_000,
} as unknown as TestCase;

test('a test a lost worker left unstarted says so, in a run that went on', () => {
  const went = whyNotStarted({ status: 'failed', maxFailures: 0, runErrors: 0 });
  const record = recordFromTest(lostWith, '/suite', 'embedded', went);
  expect(record.outcome).toBe('skipped');
  expect(record.skipReason).not.toContain('the run stopped');
  expect(record.skipReason).toContain('its worker exited');
});

test('a run that stopped says so for the tests it did not start', () => {
  for (const run of [
    { status: 'interrupted', maxFailures: 0, runErrors: 1 },
    { status: 'timedout', maxFailures: 0, runErrors: 1 },
    { status: 'failed', maxFailures: 1, runErrors: 0 },
    // A global set-up that failed is a run error: no test started, and the run stopped.
    { status: 'failed', maxFailures: 0, runErrors: 1 },
  ])
    expect(whyNotStarted(run), run.status).toBe(NEVER_STARTED);
  expect(recordFromTest(lostWith, '/suite', 'embedded').skipReason).toBe(NEVER_STARTED);
});
