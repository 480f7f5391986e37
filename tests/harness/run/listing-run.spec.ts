import { conformanceConfig } from '../../../src/harness/run/conformance-config.ts';
import type { RunPlan } from '../../../src/harness/run/run-plan.ts';
import { expect, test } from '../../helpers/api-test.ts';

const plan = { runId: 'r', targets: [], testTimeoutMs: 1000 } as unknown as RunPlan;
const reporter = [['junit', { outputFile: 'reports/junit.xml' }], ['allure-playwright']] as const;
const config = (argv: string[]) =>
  conformanceConfig(plan, { outputDir: 'out', reporter: [...reporter] }, ['node', 'cli.js', ...argv]);

test('a listing of the conformance suite gets only the list of titles, no reporter that writes files', () => {
  expect(config(['test', '--list']).reporter).toEqual([['list']]);
});

test('a run of the conformance suite keeps the reporters it was given', () => {
  expect(config(['test', '--grep', 'list']).reporter).toEqual([...reporter]);
});
