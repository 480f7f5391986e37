import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from '../../helpers/api-test.ts';

// GitHub's runners dropped the Node 20 runtime for actions in September 2026: a workflow copied from
// here must not start with deprecation warnings or, later, failures. The first major of each action
// that runs on Node 24 (`runs.using: node24` in its action.yml, per the actions' release notes).
const FIRST_NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
};

interface Job {
  steps?: { uses?: string }[];
}
const workflow = parse(readFileSync('.github/workflows/conformance.yml', 'utf8')) as {
  jobs: Record<string, Job>;
};
const uses = Object.values(workflow.jobs).flatMap((job) =>
  (job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])),
);

test('the example workflow uses actions that run on Node 24', () => {
  expect(uses.length).toBeGreaterThan(0);
  for (const use of uses) {
    const [action = '', ref = ''] = use.split('@');
    const first = FIRST_NODE24_MAJOR[action];
    expect(first, `${action} is known to this test (add its first Node 24 major)`).toBeDefined();
    const major = Number(/^v(\d+)$/.exec(ref)?.[1]);
    expect(major, `${use} runs on Node 24 (v${first} or later)`).toBeGreaterThanOrEqual(first!);
  }
});
