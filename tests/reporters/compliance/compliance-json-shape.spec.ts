import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, failed, runRecords, skipped, testRecord } from '../helpers/records.ts';

// The members of compliance.json that users' pipelines read (docs/interfaces.md#compliance-json), written
// out here rather than taken from the schema: renderJson checks a report against its schema, so a member
// dropped from both the reporter and the schema at once would pass every other test.
const registry = getRegistry();
const of = (level: string) => registry.requirements.find((r) => r.level === level)!.id;
const [must, should, observe] = [of('MUST'), of('SHOULD'), of('OBSERVE')];
const [notApplicable, lost] = registry.requirements.filter((r) => r.level === 'MUST').slice(1, 3);

function writtenReport(): Record<string, unknown> & { requirements: Record<string, unknown>[] } {
  const tests = [
    testRecord({ title: 'fails a MUST', requirements: [must], ...failed('answered 500') }),
    testRecord({ title: 'fails a SHOULD', requirements: [should], ...failed('answered 500') }),
    testRecord({
      title: 'observes',
      requirements: [observe],
      findings: [{ kind: 'observed', id: observe, text: 'accepted with 200' }],
    }),
    testRecord({ title: 'not run', requirements: [notApplicable!.id], ...skipped('needs a switch') }),
    testRecord({ title: 'lost', requirements: [lost!.id], ...errored('connection reset') }),
  ];
  const built = buildComplianceReport({
    records: runRecords(tests),
    targetName: 'embedded',
    registry,
    now: new Date('2026-01-02T03:04:05.000Z'),
  });
  return JSON.parse(renderJson(built));
}

test('compliance.json carries the public members, each of its documented type', () => {
  const report = writtenReport();
  expect(report).toMatchObject({
    suite: { version: expect.any(String), contractHash: expect.any(String) },
    target: { mode: 'embedded', apiHost: expect.any(String) },
    summary: expect.any(Object),
  });
  for (const row of report.requirements) {
    expect(row, String(row['id'])).toMatchObject({
      id: expect.any(String),
      level: expect.stringMatching(/^(MUST|SHOULD|OBSERVE)$/),
      verdict: expect.stringMatching(/^(PASS|FAIL|WARN|NA|OBSERVED|ERROR)$/),
      tests: expect.any(Array),
    });
  }
});

test('each verdict keeps its documented name, with reason or observed beside it', () => {
  const rows = new Map(writtenReport().requirements.map((row) => [row['id'], row]));
  expect(rows.get(must)).toMatchObject({ level: 'MUST', verdict: 'FAIL', reason: expect.any(String) });
  expect(rows.get(should)).toMatchObject({ level: 'SHOULD', verdict: 'WARN', reason: expect.any(String) });
  expect(rows.get(observe)).toMatchObject({
    level: 'OBSERVE',
    verdict: 'OBSERVED',
    observed: 'accepted with 200',
  });
  expect(rows.get(notApplicable!.id)).toMatchObject({ verdict: 'NA', reason: expect.any(String) });
  expect(rows.get(lost!.id)).toMatchObject({ verdict: 'ERROR', reason: expect.any(String) });
  // The requirements these records hold no test of read NA, so no other verdict appears.
  expect(new Set([...rows.values()].map((row) => row['verdict']))).toEqual(
    new Set(['FAIL', 'WARN', 'OBSERVED', 'NA', 'ERROR']),
  );
});

test('the schema asks for the public members and allows every public level and verdict', () => {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'src/reporters/compliance-report.schema.json'), 'utf8'),
  );
  expect(schema.required).toEqual(expect.arrayContaining(['suite', 'target', 'requirements', 'summary']));
  expect(schema.properties.suite.required).toEqual(expect.arrayContaining(['version', 'contractHash']));
  expect(schema.properties.target.required).toEqual(expect.arrayContaining(['mode', 'apiHost']));
  const row = schema.$defs.requirement;
  expect(row.required).toEqual(expect.arrayContaining(['id', 'level', 'verdict', 'tests']));
  expect(row.properties.level.enum).toEqual(expect.arrayContaining(['MUST', 'SHOULD', 'OBSERVE']));
  expect(row.properties.verdict.enum).toEqual(
    expect.arrayContaining(['PASS', 'FAIL', 'WARN', 'NA', 'OBSERVED', 'ERROR']),
  );
});
