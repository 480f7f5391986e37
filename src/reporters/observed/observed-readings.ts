import type { OpenPointId } from '../../contract/index.ts';
import { isCasePoint } from '../../contract/index.ts';
import {
  agreed,
  type Combined,
  conflict,
  distinct,
  evidenceOf,
  MAX_EVIDENCE,
  type Observation,
  readingIn,
  told,
} from './observed-agreement.ts';
import { byCase } from './observed-cases.ts';

export type { Combined, Observation } from './observed-agreement.ts';

// How the readings of a point combine (docs/calibration.md#consistency): timestamps show at most the
// target's digits (trailing zeros may be dropped), so the most digits seen is the reading; a cancel may
// take longer to show one time than another, so the longest wait seen is the reading; the extra
// members of entities and errors are the union of those seen; a point read per case must read the same
// within each case (observed-cases.ts); every other point must read the same in every answer, or the
// run reports that the target answered differently.
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
  if (point === 'timestamp-precision' || point === 'cancel-visible-after') return most(readings);
  if (isCasePoint(point)) return byCase(point, readings);
  const groups = distinct(readings);
  if (groups.length > 1) return conflict(groups);
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

function more(count: number): string {
  return count > 0 ? ` (and ${count} more)` : '';
}
