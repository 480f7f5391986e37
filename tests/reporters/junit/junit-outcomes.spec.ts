import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignJunitFile, junitAgreeingWith } from '../../../src/reporters/junit/junit-outcomes.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { errored, failed, runRecords, skipped, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// As Playwright 1.65 wrote it for a run stopped by Ctrl-C during its second test (properties left out):
// the interrupted test and the one that never started are both <skipped>.
const INTERRUPTED = `<testsuites id="" name="" tests="3" failures="0" skipped="2" errors="0" time="2.235">
<testsuite name="cancel.spec.ts" timestamp="2026-12-03T18:41:45.154Z" hostname="conformance" tests="3" failures="0" skipped="2" time="0.357" errors="0">
<testcase name="cancel › first passes" classname="cancel.spec.ts" time="0.01">
</testcase>
<testcase name="cancel › second hangs" classname="cancel.spec.ts">
<skipped>
</skipped>
</testcase>
<testcase name="cancel › third never starts" classname="cancel.spec.ts">
<skipped>
</skipped>
</testcase>
</testsuite>
</testsuites>`;

const interruptedRecords = () =>
  runRecords([
    testRecord({ title: 'first passes', file: 'cancel.spec.ts' }),
    testRecord({
      title: 'second hangs',
      file: 'cancel.spec.ts',
      status: 'interrupted',
      outcome: 'errored',
      error: { category: 'suite-error', line: 'second hangs: the run was interrupted' },
    }),
    testRecord({
      title: 'third never starts',
      file: 'cancel.spec.ts',
      ...skipped('the run stopped before it'),
    }),
  ]);

test('a test the run interrupted is an error in junit.xml, as compliance.json counts it; one never started stays skipped', () => {
  const { xml, changed } = junitAgreeingWith(INTERRUPTED, interruptedRecords());
  expect(changed).toBe(1);
  expect(xml).toMatch(
    /^<testsuites id="" name="" tests="3" failures="0" skipped="1" errors="1" time="2.235">/,
  );
  // Playwright's time for the suite stays: it counts the interrupted test's, which its case lacks.
  expect(xml).toContain('hostname="conformance" tests="3" failures="0" skipped="1" errors="1" time="0.357">');
  expect(xml).toContain(
    '<testcase name="cancel › second hangs" classname="cancel.spec.ts">\n<error message="second hangs: the run was interrupted" type="suite-error">\nsecond hangs: the run was interrupted\n</error>\n</testcase>',
  );
  expect(xml).toContain(
    '<testcase name="cancel › third never starts" classname="cancel.spec.ts">\n<skipped>',
  );
});

test('a failure Playwright calls an error, or an error it calls a failure, is written as the records judged it', () => {
  const xml = `<testsuites id="" name="" tests="2" failures="1" skipped="0" errors="1" time="1">
<testsuite name="cancel.spec.ts" hostname="conformance" tests="2" failures="1" skipped="0" time="1" errors="1">
<testcase name="cancel › a 429 ends it without a verdict" classname="cancel.spec.ts" time="0.5">
<failure message="expect(exchange).toHaveStatus(expected)" type="expect.toHaveStatus">
<![CDATA[<error> quoted from the target]]>
</failure>
</testcase>
<testcase name="cancel › a plain expect fails" classname="cancel.spec.ts" time="0.5">
<error message="x" type="Error">
<![CDATA[</error>]]>
</error>
</testcase>
</testsuite>
</testsuites>`;
  const records = runRecords([
    testRecord({ title: 'a 429 ends it without a verdict', file: 'cancel.spec.ts', ...errored('GET → 429') }),
    testRecord({ title: 'a plain expect fails', file: 'cancel.spec.ts', ...failed('expected 400, got 200') }),
  ]);
  const aligned = junitAgreeingWith(xml, records);
  expect(aligned.changed).toBe(2);
  expect(aligned.xml).toMatch(/ tests="2" failures="1" skipped="0" errors="1" time="1">/);
  expect(aligned.xml).toContain(
    '<error message="GET → 429" type="expect.toHaveStatus">\n<![CDATA[<error> quoted from the target]]>\n</error>',
  );
  expect(aligned.xml).toContain(
    '<failure message="expected 400, got 200" type="Error">\n<![CDATA[</error>]]>\n</failure>',
  );
});

// A CI test tab shows a case's message: Playwright's was the matcher's name alone,
// "expect(exchange).toBeErrorEnvelope(expected)", for every failed test. The records' line says what
// the target did; Playwright's text, with the body and the code, stays inside the element.
test("a failed or errored case's message is the records' line, its kind and text as Playwright wrote them", () => {
  const xml = `<testsuites id="" name="" tests="1" failures="1" skipped="0" errors="0" time="1">
<testsuite name="final-states.spec.ts" hostname="conformance" tests="1" failures="1" skipped="0" time="1" errors="0">
<testcase name="final › cancel of a Succeeded action is refused" classname="final-states.spec.ts" time="0.5">
<failure message="expect(exchange).toBeErrorEnvelope(expected)" type="expect.toBeErrorEnvelope">
<![CDATA[Problems: status: expected a 4xx status, got 500]]>
</failure>
</testcase>
</testsuite>
</testsuites>`;
  const line =
    'cancel of a Succeeded action is refused: POST /api/machineactions/{id}/cancel → 500: status: expected a 4xx status, got 500';
  const records = runRecords([
    testRecord({
      title: 'cancel of a Succeeded action is refused',
      file: 'final-states.spec.ts',
      ...failed(line),
    }),
  ]);
  const aligned = junitAgreeingWith(xml, records);
  // Its outcome did not change: the console's count of re-judged tests leaves it out.
  expect(aligned.changed).toBe(0);
  expect(aligned.xml).toContain(
    `<failure message="${line}" type="expect.toBeErrorEnvelope">\n<![CDATA[Problems: status: expected a 4xx status, got 500]]>\n</failure>`,
  );
});

test("with several targets a test is told by its target's describe, and tests that read alike are left alone", () => {
  const xml = `<testsuites id="" name="" tests="2" failures="0" skipped="2" errors="0" time="1">
<testsuite name="cancel.spec.ts" hostname="conformance" tests="2" failures="0" skipped="2" time="1" errors="0">
<testcase name="embedded › cancel › t" classname="cancel.spec.ts">
<skipped>
</skipped>
</testcase>
<testcase name="fault:x › cancel › t" classname="cancel.spec.ts">
<skipped>
</skipped>
</testcase>
</testsuite>
</testsuites>`;
  const interrupted = { status: 'interrupted', outcome: 'errored' as const };
  const records = runRecords([
    testRecord({ title: 't', file: 'cancel.spec.ts', target: 'embedded', ...skipped('never started') }),
    testRecord({ title: 't', file: 'cancel.spec.ts', target: 'fault:x', ...interrupted }),
  ]);
  const aligned = junitAgreeingWith(xml, records);
  expect(aligned.changed).toBe(1);
  expect(aligned.xml).toContain('<testcase name="fault:x › cancel › t" classname="cancel.spec.ts">\n<error ');
  // Without the targets' names the two cannot be told apart: Playwright's word stays.
  const anonymous = xml.replaceAll('embedded › ', '').replaceAll('fault:x › ', '');
  expect(junitAgreeingWith(anonymous, records).changed).toBe(0);
});

test("after a run its own junit.xml is aligned with its records; an earlier run's is left alone", () => {
  const junit = join(tempDir('junit-outcomes-'), 'junit.xml');
  writeFileSync(junit, INTERRUPTED);
  expect(alignJunitFile(junit, interruptedRecords(), Date.now() + 60_000)).toBe(0);
  expect(readFileSync(junit, 'utf8')).toBe(INTERRUPTED);
  expect(alignJunitFile(junit, interruptedRecords(), Date.now() - 60_000)).toBe(1);
  expect(readFileSync(junit, 'utf8')).toContain('errors="1"');
  // None written, or one cut short: nothing to align, no error.
  expect(alignJunitFile(join(tempDir('junit-outcomes-'), 'junit.xml'), interruptedRecords(), 0)).toBe(0);
  writeFileSync(junit, INTERRUPTED.slice(0, 200));
  expect(alignJunitFile(junit, interruptedRecords(), 0)).toBe(0);
});

// Playwright's JUnit reporter, failing on a full disk, leaves its file cut short and says only
// "Error: ENOSPC: no space left on device, write": the caller is told, to name the file.
test('a junit.xml of this run cut short is told to the caller, and left as it is', () => {
  const junit = join(tempDir('junit-outcomes-'), 'junit.xml');
  writeFileSync(junit, INTERRUPTED.slice(0, 200));
  let told = 0;
  expect(alignJunitFile(junit, interruptedRecords(), 0, () => told++)).toBe(0);
  expect(told).toBe(1);
  expect(readFileSync(junit, 'utf8')).toBe(INTERRUPTED.slice(0, 200));
  // Whole, it is aligned and nothing is told.
  writeFileSync(junit, INTERRUPTED);
  expect(alignJunitFile(junit, interruptedRecords(), 0, () => told++)).toBe(1);
  expect(told).toBe(1);
});

// A line is text: "$&" is no replacement pattern, and characters XML forbids (a bell, a stray ESC) go.
test("an error line with '$&' or control characters is written as text, and stays XML", () => {
  const records = interruptedRecords();
  records.tests[1]!.error = { category: 'suite-error', line: 'price $& more $` \u0007end\u001b' };
  const { xml } = junitAgreeingWith(INTERRUPTED, records);
  expect(xml).toContain(
    '<error message="price $&amp; more $` end" type="suite-error">\nprice $&amp; more $` end\n</error>',
  );
  expect(xml.includes('\u0007') || xml.includes('\u001b')).toBe(false);
});
