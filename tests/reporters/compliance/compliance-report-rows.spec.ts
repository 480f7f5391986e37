import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { suiteInfo } from '../../../src/reporters/compliance/suite-info.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { requirementId, testRecord } from '../helpers/records.ts';
import { registry, report } from '../helpers/sample-report.ts';

// One row per requirement, in compliance.json and compliance.md: its verdict, reason, tests and observation.

test('an observation is credited to its own requirement only', () => {
  const [first, second] = registry.requirements.filter((r) => r.level === 'OBSERVE');
  const built = report([
    testRecord({
      title: 'first observation',
      requirements: [first!.id],
      findings: [{ kind: 'observed', id: requirementId(first!.id), text: 'accepted with 200' }],
    }),
    testRecord({ title: 'second observation', requirements: [second!.id] }),
  ]);
  const row = (id: string) => built.requirements.find((r) => r.id === id)!;
  expect(row(first!.id).observed).toBe('accepted with 200');
  expect(row(second!.id).observed).toBe('nothing was recorded');
});

test('compliance.json matches its schema and carries statement, area, docUrl and tests per requirement', () => {
  const json = JSON.parse(renderJson(report()));
  const final = json.requirements.find((r: { id: string }) => r.id === 'CANCEL.FINAL');
  expect(final).toMatchObject({
    level: 'MUST',
    verdict: 'FAIL',
    area: 'cancel',
    reason: 'cancel of a Succeeded action is rejected: expected status 4xx, got 200',
    tests: [{ title: 'cancel of a Succeeded action is rejected', status: 'failed' }],
  });
  expect(final.docUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  expect(json.suite).toEqual({ name: expect.any(String), ...suiteInfo() });
});

test('compliance.md has a header, a summary line, one row per requirement and the NA note', () => {
  const md = renderMarkdown(report());
  expect(md).toContain('# Compliance report: embedded');
  expect(md).toContain('- Target: embedded reference emulator, embedded at 127.0.0.1:4010\n');
  expect(md).toContain(`(commit ${suiteInfo().commit!.slice(0, 12)}), contract ${suiteInfo().contractHash}`);
  // The cause first, then the counts: "Not conforming: 1 PASS, 0 FAIL" must never read as a reason.
  expect(md).toContain(
    '**Not conforming, partial run** (exit 1): MUST requirements failed: CANCEL.FINAL; partial run:',
  );
  expect(md).toContain('had no test in it. 1 PASS, 1 FAIL');
  expect(md).toContain(
    '| CANCEL.FINAL | MUST | FAIL | cancel of a Succeeded action is rejected: expected status 4xx, got 200 | 1/1 (1 failed) |',
  );
  expect(md).toContain('| AUTH.EXPIRED | MUST | NA | the target has no clock | 0/1 |');
  expect(md).toContain('| CANCEL.NOCOMMENT | OBSERVE | OBSERVED | accepted with 200 | 1/1 |');
  expect(md.match(/^\| [A-Z]+\.[A-Z0-9_]+ \|/gm)).toHaveLength(registry.requirements.length);
  expect(md).toContain('NA means the requirement was not checked on this target');
  // A compliance reader met IDs (CANCEL.REOPEN, HDR.NOCONTENTTYPE) the report never said where to look up.
  expect(md).toContain(
    "Each ID's statement, level and source: `specs/requirements.yaml` of the suite; docs/interfaces.md#requirement-ids lists them in short.",
  );
});

// A compliance reader files compliance.md alone: its Level column, the PASS/FAIL/WARN verdicts, the exit
// code in its headline and the "open points" of its header were explained nowhere in it.
test('compliance.md explains each level, each verdict, each exit code and the open points it names', () => {
  const md = renderMarkdown(report());
  const legend = md.slice(md.lastIndexOf('| '));
  for (const level of ['MUST', 'SHOULD', 'OBSERVE'])
    expect(legend).toMatch(new RegExp(`\\b${level} (is|means)\\b`));
  for (const verdict of ['PASS', 'FAIL', 'WARN', 'NA', 'OBSERVED', 'ERROR'])
    expect(legend).toMatch(new RegExp(`\\b${verdict} (is|means)\\b`));
  for (const code of [0, 1, 2, 3, 4]) expect(legend).toMatch(new RegExp(`\\b${code}: `));
  // A leak (4) is found after this report is written: its headline never shows it, the command's status does.
  expect(legend).toMatch(/headline shows 0 to 3\b/);
  expect(legend).toMatch(/4: [^.]*command's exit status/);
  expect(legend).toContain('open points');
  expect(legend).toContain('docs/contract.md#open-points');
});
