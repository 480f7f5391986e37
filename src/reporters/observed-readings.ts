import type { Evidence, OpenPointId } from '../contract/index.ts';
import type { Finding } from '../harness/evidence/finding.ts';

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
const MAX_EVIDENCE = 3;

// How the readings of a point combine (docs/calibration.md#consistency): timestamps show at most the
// target's digits (trailing zeros may be dropped), so the most digits seen is the reading; the extra
// members of entities and errors are the union of those seen; every other point must read the same
// in every answer, or the run reports that the target answered differently.
export function combine(point: OpenPointId, observations: Observation[]): Combined | undefined {
  if (observations.length === 0) return undefined;
  const readings = observations.filter((o) => o.finding.kind === 'reading');
  const odd = observations.filter((o) => o.finding.kind === 'unreadable');
  if (readings.length === 0)
    return {
      why: 'unlawful',
      text: `no answer fit a lawful reading: ${told(odd[0]!)}${more(odd.length - 1)}`,
      evidence: odd.slice(0, MAX_EVIDENCE).map(evidenceOf),
    };
  if (odd.length > 0)
    return {
      why: 'conflict',
      text: `the target answered differently within the run: ${told(readings[0]!)}, but ${told(odd[0]!)}`,
      evidence: [readings[0]!, odd[0]!].map(evidenceOf),
    };
  if (point === 'extra-members') return union(readings);
  if (point === 'timestamp-precision') return most(readings);
  const distinct = new Map<string, Observation[]>();
  for (const o of readings) {
    const key = JSON.stringify(readingIn(o));
    distinct.set(key, [...(distinct.get(key) ?? []), o]);
  }
  const groups = [...distinct.values()];
  if (groups.length > 1)
    return {
      why: 'conflict',
      text: `the target answered differently within the run: ${groups
        .slice(0, 3)
        .map((g) => told(g[0]!))
        .join(', but ')}`,
      evidence: groups.slice(0, MAX_EVIDENCE).map((g) => evidenceOf(g[0]!)),
    };
  return agreed(readingIn(readings[0]!), readings);
}

function most(readings: Observation[]): Combined {
  const top = readings.reduce((a, b) => ((readingIn(b) as number) > (readingIn(a) as number) ? b : a));
  return agreed(readingIn(top), [top, ...readings.filter((o) => o !== top)]);
}

function union(readings: Observation[]): Combined {
  const entity = new Set<string>();
  const error = new Set<string>();
  let sawEntity = false;
  let sawError = false;
  for (const o of readings) {
    const side = readingIn(o) as { entity?: string[]; error?: string[] };
    if (side.entity) sawEntity = true;
    if (side.error) sawError = true;
    for (const name of side.entity ?? []) entity.add(name);
    for (const name of side.error ?? []) error.add(name);
  }
  if (!sawEntity || !sawError)
    return {
      why: 'unseen',
      text: `not seen: no answer of this run ${sawEntity ? 'was an error envelope' : 'carried a MachineAction'}; the other side alone cannot say it`,
      evidence: readings.slice(0, MAX_EVIDENCE).map(evidenceOf),
    };
  const shown = readings.filter((o) => {
    const side = readingIn(o) as { entity?: string[]; error?: string[] };
    return (side.entity?.length ?? 0) + (side.error?.length ?? 0) > 0;
  });
  return agreed({ entity: [...entity].sort(), error: [...error].sort() }, shown.length ? shown : readings);
}

function agreed(reading: unknown, readings: Observation[]): Combined {
  const tests = new Set(readings.map((o) => o.test)).size;
  const first = readings[0]!.finding;
  const note = `${tests} test(s) saw it${first.kind === 'reading' && first.note ? `; ${first.note}` : ''}`;
  const byTest = [...new Map(readings.map((o) => [o.test, o])).values()];
  return { reading, evidence: byTest.slice(0, MAX_EVIDENCE).map(evidenceOf), note };
}

function readingIn(o: Observation): unknown {
  return o.finding.kind === 'reading' ? o.finding.reading : undefined;
}

function evidenceOf(o: Observation): Evidence {
  return { test: o.test, ...o.finding.evidence };
}

function told(o: Observation): string {
  const what = o.finding.kind === 'reading' ? JSON.stringify(o.finding.reading) : o.finding.text;
  return `${what} (${o.test}: ${o.finding.evidence.exchange})`;
}

function more(count: number): string {
  return count > 0 ? ` (and ${count} more)` : '';
}
