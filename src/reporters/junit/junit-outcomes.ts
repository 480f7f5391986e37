import { existsSync, statSync } from 'node:fs';
import { readUserFile } from '../../common/regular-file.ts';
import { JUNIT_XML } from '../../common/report-files.ts';
import { writeWhole } from '../../common/write-whole.ts';
import { FINDING_ANNOTATION } from '../../harness/evidence/finding.ts';
import type { RunRecords, TestRecord } from '../records/test-record.ts';
import { withRunErrors } from './junit-run-errors.ts';
import { partialRunNote, withRunProperties } from './junit-run-properties.ts';
import {
  attribute,
  type CaseKind,
  type JunitCase,
  JunitFormatError,
  JunitText,
  xmlText,
} from './junit-xml.ts';

// Playwright's JUnit reporter tells an error from a failure by its message's shape, and shows a test
// the run interrupted as skipped. The compliance records decide from data (test-outcome.ts): each test
// they judged failed or errored is written so in junit.xml, which then never contradicts
// compliance.json about which tests errored. Tests they passed or skipped are left as Playwright wrote
// them (the self-test's expected failures pass there).
// Findings travel from a test to the compliance reporter as annotations, which Playwright's JUnit
// reporter writes as properties: JSON that compliance.json holds already, six or so a test (most of a
// 155 KB junit.xml for 56 tests). They go; the requirement and verdict-mark properties stay.
const FINDING_PROPERTY = new RegExp(
  `<property name="${FINDING_ANNOTATION}" value="[^"]*">\\s*</property>\\n?`,
  'g',
);

const WANTED: Partial<Record<TestRecord['outcome'], CaseKind>> = { errored: 'error', failed: 'failure' };

export function junitAgreeingWith(
  xml: string,
  records: RunRecords,
  file = JUNIT_XML,
): { xml: string; changed: number } {
  const text = new JunitText();
  const document = text.read(file, xml);
  let changed = 0;
  let lean = false;
  let retitled = false;
  for (const suite of document.suites) {
    const project = attribute(suite.attributes, 'hostname');
    suite.cases = suite.cases.map((full) => {
      // Failure texts are set aside while the markup is read: only the case's own properties match.
      const c = { ...full, xml: full.xml.replace(FINDING_PROPERTY, '') };
      lean ||= c.xml !== full.xml;
      const record = recordOf(c, project, records.tests);
      const kind = record && WANTED[record.outcome];
      // A passed case stays (the self-test's expected failures), unless a retry passed after an attempt
      // whose contract violation the records keep (record-from-test.ts).
      if (!kind || (c.kind === 'passed' && !record.flaky)) return c;
      if (kind === c.kind) {
        const xml = withMessage(c.xml, kind, record);
        retitled ||= xml !== c.xml;
        return { ...c, xml };
      }
      changed += 1;
      return { ...c, kind, xml: withKind(c, kind, record) };
    });
  }
  const runErrors = withRunErrors(document, records.runErrors, new Date(records.startedAt));
  const partial = withRunProperties(document, partialRunNote(records));
  return { xml: changed || lean || retitled || runErrors || partial ? text.write(document) : xml, changed };
}

// After a run: its JUnit file, made to agree with the records the run wrote. A file written before the
// run started (another run's) is left alone, and so is one cut short (a run killed while writing it:
// the merge, or CI, says so); `cutShort` hears of it, for a run that lives to say so (its JUnit
// reporter's write failed on a full disk). Returns how many tests changed.
export function alignJunitFile(
  file: string,
  records: RunRecords,
  since: number,
  cutShort: () => void = () => {},
): number {
  if (!existsSync(file) || statSync(file).mtimeMs < since) return 0;
  try {
    // PLAYWRIGHT_JUNIT_OUTPUT_FILE may name a pipe or /dev/stdout: reading it back waited for ever, and
    // the rewrite would have replaced it with a file. readUserFile refuses it, in one line.
    const xml = readUserFile(file, 'utf8', Number.POSITIVE_INFINITY);
    const aligned = junitAgreeingWith(xml, records, file);
    if (aligned.xml !== xml) writeWhole(file, aligned.xml);
    return aligned.changed;
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof JunitFormatError)) throw error;
    cutShort();
    return 0;
  }
}

// The record of a JUnit test case: its file, project and title; its title path below the file ends
// with the test's title, and starts with its target's name when the run had several (suite.ts).
function recordOf(c: JunitCase, project: string, tests: readonly TestRecord[]): TestRecord | undefined {
  const candidates = tests.filter(
    (t) =>
      t.file === c.classname.replaceAll('\\', '/') &&
      t.project === project &&
      (c.name === t.title || c.name.endsWith(` › ${t.title}`)),
  );
  const ofTarget = candidates.filter((t) => c.name.startsWith(`${t.target} › `));
  const found = ofTarget.length > 0 ? ofTarget : candidates;
  // Two tests that read alike but ended apart cannot be told apart: Playwright's word stays.
  return found.every((t) => t.outcome === found[0]!.outcome) ? found[0] : undefined;
}

// A CI test tab shows the message: Playwright's is the matcher's name ("expect(exchange).toHaveStatus
// (expected)"), the records' line what the target did. Playwright's text stays inside the element.
function withMessage(xml: string, kind: CaseKind, record: TestRecord): string {
  if (!record.error) return xml;
  const line = xmlText(record.error.line);
  return xml.replace(new RegExp(`<${kind} message="[^"]*"`), () => `<${kind} message="${line}"`);
}

function withKind(c: JunitCase, kind: CaseKind, record: TestRecord): string {
  const line = xmlText(record.error?.line ?? `${record.title}: ${record.outcome}`);
  const type = record.error?.category ?? record.outcome;
  const element = `<${kind} message="${line}" type="${type}">\n${line}\n</${kind}>`;
  if (c.kind === 'passed')
    return c.xml.endsWith('/>')
      ? `${c.xml.slice(0, -2)}>\n${element}\n</testcase>`
      : c.xml.replace(/<\/testcase>$/, () => `${element}\n</testcase>`);
  if (c.kind === 'skipped') {
    return c.xml.replace(
      /<skipped\b[^>]*?(\/>|>[\s\S]*?<\/skipped>)/,
      // A function: a line holding "$&" or "$'" is text, not a replacement pattern.
      () => element,
    );
  }
  return withMessage(c.xml.replace(new RegExp(`<(/?)${c.kind}\\b`, 'g'), `<$1${kind}`), kind, record);
}
