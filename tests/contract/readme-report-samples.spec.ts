import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import type { RunPlan } from '../../src/harness/run/run-plan.ts';
import { expect, test } from '../helpers/api-test.ts';
import { type Listed, listSuite } from './listed-suite.ts';

// The README's "Reading the report" shows compliance.md as two fault runs write it, and is what a
// compliance team compares its own report with: a row that counts four tests where the suite has five
// (a test added to a requirement since) reads as a run that left one out. The samples must count the
// tests the suite has, and their headlines must add up to their rows.
const PLAN: RunPlan = {
  runId: 'list',
  requestTimeoutMs: 10_000,
  testTimeoutMs: 30_000,
  exchanges: 'quiet',
  targets: [
    {
      name: 'a',
      spec: { mode: 'embedded' },
      info: { mode: 'embedded', apiHost: 'loopback', description: 'a' },
    },
  ],
};

function samples(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Reading the report'));
  const body = section.slice(0, section.indexOf('\n## ', 1));
  return [...body.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

interface Row {
  id: string;
  verdict: string;
  cell: string;
}

function rows(sample: string): Row[] {
  return sample
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .filter((cells) => cells.length === 7 && /^[A-Z]+\.[A-Z]+$/.test(cells[1]!))
    .map((cells) => ({ id: cells[1]!, verdict: cells[3]!, cell: cells[5]! }));
}

let listed: Listed[];
test.beforeAll(async () => {
  listed = await listSuite(PLAN);
});

test("the README's report samples count the tests the suite has, and their headlines add up", () => {
  const found = samples();
  expect(found.length).toBeGreaterThanOrEqual(2);
  const requirements = getRegistry().requirements.length;
  for (const sample of found) {
    const headline = sample.split('\n')[0]!;
    expect(headline).toContain(`of ${requirements} requirements; ${listed.length} tests,`);
    let noVerdict = 0;
    for (const { id, verdict, cell } of rows(sample)) {
      const claiming = listed.filter((t) => t.requirements.includes(id)).length;
      const m = /^(\d+)\/(\d+)(?: \((\d+) (failed|no verdict)\))?$/.exec(cell);
      expect(m, `${id}: "${cell}"`).not.toBeNull();
      expect(Number(m![2]), `${id}: "${cell}" counts ${claiming} tests`).toBe(claiming);
      // As compliance.md says them (docs/reports.md): a FAIL row names its failed tests, an ERROR row
      // those that reached no verdict.
      if (verdict === 'FAIL') expect(m![4], `${id}: "${cell}"`).toBe('failed');
      if (verdict === 'ERROR') {
        expect(m![4], `${id}: "${cell}"`).toBe('no verdict');
        noVerdict += Number(m![3]);
      }
    }
    const errored = /(\d+) test\(s\) or run step\(s\) reached no verdict/.exec(headline);
    if (errored) {
      expect(Number(errored[1])).toBe(noVerdict);
      expect(headline).toContain(`${listed.length} tests, ${noVerdict} errored.`);
    }
  }
});
