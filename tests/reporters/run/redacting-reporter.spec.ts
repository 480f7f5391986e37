import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { type InlineRun, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

const REDACTING = join(repoRoot, 'src', 'reporters', 'run', 'redacting-reporter.ts');
// A token as a target might echo it (JWT-shaped, fake) and a configured secret of no known shape.
const TOKEN = `eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.${'Zk9x'.repeat(10)}`;
const SECRET = 'plain-configured-secret-31';

// A target that copies the Authorization header into a field the test compares: Playwright's own
// expect() message then quotes it, in a step's error and the test's.
const SPEC = `
import { expect, test } from '@playwright/test';
test('the comment is the one sent', async () => {
  const echoed = { cancellationComment: 'Bearer ${TOKEN}', requestor: '${SECRET}' };
  console.log('answer', JSON.stringify(echoed));
  await test.step('judge', () => {
    expect(echoed.cancellationComment, 'cancellationComment is the Comment sent').toBe('conformance: x');
  });
});
test('the requestor is named', async () => {
  throw new Error('requestor ${SECRET} is not a name');
});
`;

function config(reporters: string): string {
  return `export default { reporter: [${reporters}] };\n`;
}

let runs: Record<string, Promise<InlineRun>> | undefined;
test.afterAll(() => removeWorkspaces(runs));

function runWith(reporters: string): Promise<InlineRun> {
  const dir = inlineWorkspace({ 'playwright.config.ts': config(reporters), 'echo.spec.ts': SPEC });
  return runInline(dir, [], { MDE_CLIENT_SECRET: SECRET });
}

test('errors Playwright writes are scrubbed before the list and JUnit reporters print them', async () => {
  const redacted = runWith(
    `['${REDACTING}'], ['list'], ['junit', { outputFile: 'junit.xml' }], ['json', { outputFile: 'results.json' }]`,
  );
  runs = { redacted };
  const run = await redacted;
  expect(run.exitCode).toBe(1);
  expect(run.output).toContain('Bearer [REDACTED]');
  expect(run.output).toContain('requestor [REDACTED] is not a name');
  // What the test printed went to the terminal as it came (the one copy no reporter can rewrite);
  // junit.xml's and the JSON report's copies of it are scrubbed.
  const printed = run.output
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('answer '))
    .join('\n');
  expect(run.read('junit.xml')).toContain('answer {');
  for (const text of [printed, run.read('junit.xml'), run.read('results.json')]) {
    expect(text).not.toContain(TOKEN.split('.')[2]);
    expect(text).not.toContain(SECRET);
  }
});

test("the conformance run's configuration puts it before every reporter that prints or writes", () => {
  const source = readFileSync(join(repoRoot, 'playwright.config.ts'), 'utf8');
  const reporters = [...source.matchAll(/\[\s*'([^']+)'/g)].map((m) => m[1]);
  // Only the reporter that turns a kept worker's failure back into one comes first: it prints and
  // writes nothing, and the outcome it restores is what the others, this one's scrubbing aside, read.
  const redacting = reporters.indexOf('./src/reporters/run/redacting-reporter.ts');
  expect(reporters.slice(0, redacting)).toEqual(['./src/reporters/run/kept-worker-reporter.ts']);
  expect(reporters).toContain('list');
});
