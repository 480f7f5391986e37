import type { Evidence } from '../../contract/index.ts';
import type { Finding } from '../../harness/evidence/finding.ts';

// The words the combination of a point's observations is put in (observed-readings.ts): what one answer
// told, and what they came to.

// One answer's word on an open point, with the test that saw it.
export interface Observation {
  test: string;
  finding: Extract<Finding, { kind: 'reading' | 'unreadable' }>;
}

// What a run's observations of one point come to: one reading, or why there is none.
export type Combined =
  | { reading: unknown; evidence: Evidence[]; note: string }
  | { why: 'conflict' | 'unlawful' | 'unseen'; text: string; evidence: Evidence[] };

// Evidence kept per point: enough to follow, not every exchange of a long run.
export const MAX_EVIDENCE = 3;

// `reading`, agreed by `readings`: the evidence is the first of each test, in their order.
export function agreed(reading: unknown, readings: Observation[], extra = '', max = MAX_EVIDENCE): Combined {
  const tests = new Set(readings.map((o) => o.test)).size;
  const first = readings[0]!.finding;
  const note = `${tests} test(s) saw it${first.kind === 'reading' && first.note ? `; ${first.note}` : ''}${extra}`;
  const byTest = [...new Map(readings.map((o) => [o.test, o])).values()];
  return { reading, evidence: byTest.slice(0, max).map(evidenceOf), note };
}

export function readingIn(o: Observation): unknown {
  return o.finding.kind === 'reading' ? o.finding.reading : undefined;
}

export function evidenceOf(o: Observation): Evidence {
  return { test: o.test, ...o.finding.evidence };
}

// What one answer told, and where: `"..." (test: exchange)`.
export function told(o: Observation): string {
  const what = o.finding.kind === 'reading' ? JSON.stringify(o.finding.reading) : o.finding.text;
  return `${what} (${o.test}: ${o.finding.evidence.exchange})`;
}

// The readings split by what they read (JSON), in the order first seen.
export function distinct(readings: Observation[]): Observation[][] {
  const groups = new Map<string, Observation[]>();
  for (const o of readings) {
    const key = JSON.stringify(readingIn(o));
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.values()];
}

// The target answered differently: the first answer of each of up to three groups.
export function conflict(groups: Observation[][], where = ''): Combined {
  return {
    why: 'conflict',
    text: `the target answered differently within the run${where}: ${groups
      .slice(0, 3)
      .map((g) => told(g[0]!))
      .join(', but ')}`,
    evidence: groups.slice(0, MAX_EVIDENCE).map((g) => evidenceOf(g[0]!)),
  };
}
