import { getRegistry } from '../../src/contract/index.ts';
import { buildComplianceReport } from '../../src/reporters/compliance-report.ts';
import { renderJson } from '../../src/reporters/render-json.ts';
import { renderMarkdown } from '../../src/reporters/render-markdown.ts';
import type { TestRecord } from '../../src/reporters/test-record.ts';
import { expect, test } from '../helpers/api-test.ts';
import { failed, runRecords, testRecord } from './helpers/records.ts';

// A part of a requirement the target gave nothing to check with (finding 'unchecked', written by
// tests/fixtures/protected-action.ts): the verdict rests on the rest, and every report says what was left.
const unchecked = { kind: 'unchecked', text: '"changes nothing", with no action to protect' } as const;
const report = (tests: TestRecord[]) =>
  buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry: getRegistry(),
    now: new Date('2026-01-02T03:04:05.000Z'),
  });

test('a requirement checked only in part passes on what was checked, and both reports say what was not', () => {
  const built = report([
    testRecord({ title: 'no Authorization', requirements: ['AUTH.MISSING'], findings: [unchecked] }),
    testRecord({ title: 'read-only token', requirements: ['PERM.NONE'], findings: [unchecked] }),
    testRecord({ title: 'read-only token, again', requirements: ['PERM.NONE'], findings: [unchecked] }),
    testRecord({ title: 'cancel of a Pending action', requirements: ['CANCEL.OK'] }),
  ]);
  const row = (id: string) => built.requirements.find((r) => r.id === id)!;
  expect(row('AUTH.MISSING')).toMatchObject({ verdict: 'PASS', unchecked: [unchecked.text] });
  // The same part left unchecked by two tests is said once.
  expect(row('PERM.NONE').unchecked).toEqual([unchecked.text]);
  expect(row('CANCEL.OK').unchecked).toBeUndefined();
  // renderJson checks the report against its schema.
  const json = JSON.parse(renderJson(built)) as { requirements: { id: string; unchecked?: string[] }[] };
  expect(json.requirements.find((r) => r.id === 'AUTH.MISSING')!.unchecked).toEqual([unchecked.text]);
  expect(renderMarkdown(built)).toContain(
    `| AUTH.MISSING | MUST | PASS | Not checked: ${unchecked.text} | 1/1 |`,
  );
});

test('a failed requirement keeps its reason first, then what was not checked', () => {
  const built = report([
    testRecord({
      title: 'no Authorization',
      requirements: ['AUTH.MISSING'],
      ...failed('expected 401, got 200'),
      findings: [unchecked],
    }),
  ]);
  expect(renderMarkdown(built)).toContain(
    `| AUTH.MISSING | MUST | FAIL | expected 401, got 200; Not checked: ${unchecked.text} | 1/1 |`,
  );
});
