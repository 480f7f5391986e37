import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import {
  details,
  finding,
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../helpers/run-inline.ts';

// What the conformance run's Allure reporter writes to allure-results/, read back from a real run.
const REPORTER = join(repoRoot, 'src', 'reporters', 'allure', 'allure-reporter.ts');

const SPEC = `
import { test } from '@playwright/test';
test('cancel of a Succeeded action is refused', ${details('CANCEL.FINAL')}, async ({}, testInfo) => {
  testInfo.annotations.push(${finding({ kind: 'observed', id: 'CANCEL.FINAL', text: 'answers 400' })});
});
`;
const CONFIG = `export default {
  testDir: '.',
  metadata: { plan: { runId: 'r', targets: [{ name: 'embedded' }] } },
  reporter: [['${REPORTER}', { resultsDir: 'allure-results' }]],
};
`;

interface AllureResult {
  name: string;
  labels: { name: string; value: string }[];
  links: { name: string; url: string }[];
  steps: { name: string }[];
}

// A workspace with the result of an earlier run in allure-results/; `shards` says that run was a
// shard of a set (allure-shard-set.ts's marker).
function workspace(shards?: { total: number; shards: number[] }): string {
  const dir = inlineWorkspace({ 'labelled.spec.ts': SPEC, 'playwright.config.ts': CONFIG });
  mkdirSync(join(dir, 'allure-results'));
  writeFileSync(join(dir, 'allure-results', 'earlier-result.json'), '{}');
  if (shards) writeFileSync(join(dir, 'allure-results', '.mde-shards'), JSON.stringify(shards));
  return dir;
}

function results(run: InlineRun): AllureResult[] {
  const names = readdirSync(join(run.dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  return names.filter((f) => f !== 'earlier-result.json').map((f) => run.json(join('allure-results', f)));
}

let runs: Record<'whole' | 'nextShard' | 'firstShard', Promise<InlineRun>>;
test.beforeAll(() => {
  runs = {
    whole: runInline(workspace()),
    // Shard 2 of 2 ran before: shard 1 of the same set keeps its results.
    nextShard: runInline(workspace({ total: 2, shards: [2] }), ['--shard=1/2']),
    // An unsharded run left results: a shard starts a new set without them.
    firstShard: runInline(workspace(), ['--shard=1/2']),
  };
});
test.afterAll(() => removeWorkspaces(runs));
test.describe.configure({ mode: 'default', timeout: 60_000 });

test('a result is labelled by its requirements and target, and linked to their documentation', async () => {
  const run = await runs.whole;
  expect(run.exitCode, run.output).toBe(0);
  const [result] = results(run);
  const values = (name: string) => result!.labels.filter((l) => l.name === name).map((l) => l.value);
  expect(values('requirement')).toEqual(['CANCEL.FINAL']);
  expect(values('target')).toEqual(['embedded']);
  expect(values('severity')).toEqual(['critical']);
  expect(values('epic')).toHaveLength(1);
  expect(values('story')).toEqual(['cancel of a Succeeded action is refused']);
  expect(result!.links.map((l) => l.name)).toEqual(['CANCEL.FINAL: documentation']);
  expect(result!.links[0]!.url).toMatch(/^https:\/\//);
});

test('a finding made during the test is the last step of its result', async () => {
  const [result] = results(await runs.whole);
  expect(result!.steps.map((s) => s.name).at(-1)).toBe('observed CANCEL.FINAL: answers 400');
});

test('a run leaves only its own results, a shard keeps only those of its set', async () => {
  const earlier = (run: InlineRun) => existsSync(join(run.dir, 'allure-results', 'earlier-result.json'));
  const whole = await runs.whole;
  expect(earlier(whole)).toBe(false);
  expect(results(whole)).toHaveLength(1);
  for (const [run, kept] of [
    [await runs.nextShard, true],
    [await runs.firstShard, false],
  ] as const) {
    expect(run.exitCode, run.output).toBe(0);
    expect(earlier(run)).toBe(kept);
    expect(results(run)).toHaveLength(1);
  }
  expect(
    JSON.parse(readFileSync(join((await runs.nextShard).dir, 'allure-results', '.mde-shards'), 'utf8')),
  ).toEqual({
    total: 2,
    shards: [2, 1],
  });
});
