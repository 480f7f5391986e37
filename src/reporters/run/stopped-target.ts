import type { TestRecord } from '../records/test-record.ts';

// A test that met a refused connection after the preflight had reached the target: the target stopped
// listening (an emulator killed or crashed mid-run). Its first lost exchange may be another (a burst
// cut as it died), so the reason and the headline say the stop first, rather than quote that loss.
export const TARGET_STOPPED = 'the target stopped listening during the run';
const REFUSED = /: connection refused\b/;

export interface StoppedTarget {
  // How many tests met a refused connection, and the first of them (records run in order).
  tests: number;
  firstTitle: string;
}

export function stoppedTarget(errored: readonly TestRecord[]): StoppedTarget | undefined {
  const refused = errored.filter((t) => t.error && REFUSED.test(t.error.line));
  return refused.length > 0 ? { tests: refused.length, firstTitle: refused[0]!.title } : undefined;
}

// "the target stopped listening during the run (5 test(s) met a refused connection, the first: X);
// check that it still runs", then the first exchange lost when it was another's.
export function stoppedClause(stopped: StoppedTarget, first: { line: string } | undefined): string {
  const said = `${TARGET_STOPPED} (${stopped.tests} test(s) met a refused connection, the first: ${stopped.firstTitle}); check that it still runs`;
  return first && !REFUSED.test(first.line) ? `${said}; the first exchange lost: ${first.line}` : said;
}
