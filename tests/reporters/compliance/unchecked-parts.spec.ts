import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import type { TestRecord } from '../../../src/reporters/records/test-record.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { failed, runRecords, skipped, testRecord } from '../helpers/records.ts';

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
    `| AUTH.MISSING | MUST | FAIL | expected 401, got 200; Not checked: ${unchecked.text} | 1/1 (1 failed) |`,
  );
});

// A target holding only a Succeeded action: CANCEL.FINAL's Failed and Cancelled cases are NA by
// precondition. What ran passed, so the verdict stays PASS, but it must not read as a plain PASS.
test('a requirement some of whose tests did not run names them beside its verdict', () => {
  const final = (status: string) => `cancel of a ${status} action is refused and leaves it unchanged`;
  const built = report([
    testRecord({ title: final('Succeeded'), requirements: ['CANCEL.FINAL'] }),
    testRecord({ title: final('Failed'), requirements: ['CANCEL.FINAL'], ...skipped('no Failed action') }),
    testRecord({
      title: final('Cancelled'),
      requirements: ['CANCEL.FINAL'],
      ...skipped('no Cancelled action'),
    }),
    testRecord({ title: 'no Authorization', requirements: ['AUTH.MISSING'], findings: [unchecked] }),
    testRecord({ title: 'no Authorization, no action', requirements: ['AUTH.MISSING'], ...skipped('none') }),
    testRecord({ title: 'expired token', requirements: ['AUTH.EXPIRED'], ...skipped('no clock') }),
  ]);
  const row = (id: string) => built.requirements.find((r) => r.id === id)!;
  expect(row('CANCEL.FINAL')).toMatchObject({
    verdict: 'PASS',
    unchecked: [final('Failed'), final('Cancelled')],
  });
  expect(row('CANCEL.FINAL').tests.map((t) => t.skipReason)).toEqual([
    undefined,
    'no Failed action',
    'no Cancelled action',
  ]);
  // NA already says that nothing ran, and why.
  expect(row('AUTH.EXPIRED').unchecked).toBeUndefined();
  // renderJson checks the report against its schema.
  const json = JSON.parse(renderJson(built)) as { requirements: { id: string; unchecked?: string[] }[] };
  expect(json.requirements.find((r) => r.id === 'CANCEL.FINAL')!.unchecked).toEqual([
    final('Failed'),
    final('Cancelled'),
  ]);
  const md = renderMarkdown(built);
  expect(md).toContain(
    '| CANCEL.FINAL | MUST | PASS | 2 of 3 tests did not run: no Failed action; no Cancelled action | 1/3 |',
  );
  expect(md).toContain(
    `| AUTH.MISSING | MUST | PASS | 1 of 2 tests did not run: none; Not checked: ${unchecked.text} | 1/2 |`,
  );
});
