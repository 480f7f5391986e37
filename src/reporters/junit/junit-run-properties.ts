import { getRegistry, type Registry } from '../../contract/index.ts';
import { buildComplianceReport } from '../compliance/compliance-report.ts';
import { narrowedRun, partialRun } from '../compliance/partial-run.ts';
import type { RunRecords } from '../records/test-record.ts';
import { type JunitDocument, xmlText } from './junit-xml.ts';

// A partial run's junit.xml (a --grep, a file filter, a run stopped before some tests) read as a whole
// one: a CI test tab showed its few tests green and nothing else. compliance.json says so in
// `notRun` and `narrowedBy`; here each <testsuite> carries it as <property name="partial-run"> (the
// place the JUnit format gives a suite's properties), worded as the report's exit reason words it.
export const PARTIAL_RUN_PROPERTY = 'partial-run';

// What makes the records' run partial, one line; none for a whole run.
export function partialRunNote(records: RunRecords, registry: Registry = getRegistry()): string | undefined {
  const names = Object.keys(records.targets);
  const notes = names.flatMap((targetName) => {
    const { summary } = buildComplianceReport({ records, targetName, registry });
    const parts = [
      summary.notRun.length > 0 ? partialRun(summary.notRun.length, summary.requirements) : undefined,
      summary.narrowedBy.length > 0 ? narrowedRun(summary.narrowedBy, summary.notRun.length > 0) : undefined,
    ].filter(Boolean);
    if (parts.length === 0) return [];
    return [names.length > 1 ? `${targetName}: ${parts.join('; ')}` : parts.join('; ')];
  });
  return notes.length > 0 ? notes.join('; ') : undefined;
}

// Sets (or clears) every suite's run properties. Returns whether any suite changed.
export function withRunProperties(document: JunitDocument, note: string | undefined): boolean {
  const properties = note
    ? `<properties>\n<property name="${PARTIAL_RUN_PROPERTY}" value="${xmlText(note)}">\n</property>\n</properties>`
    : undefined;
  let changed = false;
  for (const suite of document.suites) {
    changed ||= suite.properties !== properties;
    if (properties) suite.properties = properties;
    else delete suite.properties;
  }
  return changed;
}
