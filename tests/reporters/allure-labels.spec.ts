import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { details, inlineWorkspace, runInline } from './helpers/run-inline.ts';

// The labels reach Allure through allure-playwright's runtime messages: checked in what a run writes.
const LABELS = join(repoRoot, 'src', 'reporters', 'allure-labels.ts');

test('a test is labelled by its requirements and linked to their documentation', async () => {
  const dir = inlineWorkspace({
    'labelled.spec.ts': `
import { test } from '@playwright/test';
import { applyAllureLabels } from '${LABELS}';
test('cancel of a Succeeded action is refused', ${details('CANCEL.FINAL')}, async ({}, testInfo) => {
  testInfo.annotations.push({ type: 'requirement', description: 'CANCEL.NOTFOUND' });
  await applyAllureLabels(testInfo, 'embedded');
});
`,
    'playwright.config.ts': `export default { testDir: '.', reporter: [['allure-playwright', { resultsDir: 'allure-results' }]] };\n`,
  });
  const run = await runInline(dir);
  expect(run.exitCode, run.output).toBe(0);
  const [file] = readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  const result = run.json<{
    labels: { name: string; value: string }[];
    links: { name: string; url: string }[];
  }>(join('allure-results', file!));
  const values = (name: string) => result.labels.filter((l) => l.name === name).map((l) => l.value);
  expect(values('requirement').sort()).toEqual(['CANCEL.FINAL', 'CANCEL.NOTFOUND']);
  expect(values('target')).toEqual(['embedded']);
  expect(values('severity')).toEqual(['critical']);
  expect(values('story')).toEqual(['cancel of a Succeeded action is refused']);
  expect(result.links.map((l) => l.name).sort()).toEqual([
    'CANCEL.FINAL: documentation',
    'CANCEL.NOTFOUND: documentation',
  ]);
  for (const link of result.links) expect(link.url).toMatch(/^https:\/\//);
});
