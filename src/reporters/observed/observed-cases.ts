import { type CasePoint, casesIn, fromCases, POINT_CASES } from '../../contract/index.ts';
import {
  agreed,
  type Combined,
  conflict,
  evidenceOf,
  MAX_EVIDENCE,
  type Observation,
  readingIn,
} from './observed-agreement.ts';

// A point whose answer may differ by case (docs/calibration.md#per-case). Each answer of a known case
// reads {"<case>": answer}; one whose case could not be told reads the answer alone. Within a case every
// answer must read the same (else the point is unknown: the target contradicted itself). Cases that all
// read the same give the simple form; cases that differ give the per-case form, which needs every case
// seen and no answer whose case could not be told.
const UNTOLD = '';

interface Told {
  which: string;
  value: unknown;
  o: Observation;
}

export function byCase(point: CasePoint, readings: Observation[]): Combined {
  const told: Told[] = readings.flatMap((o) =>
    (casesIn(point, readingIn(o)) ?? [[UNTOLD, readingIn(o)]]).map(([which, value]) => ({ which, value, o })),
  );
  const cases = group(told, (t) => t.which);
  for (const [which, seen] of cases) {
    const answers = [...group(seen, (t) => JSON.stringify(t.value)).values()];
    if (answers.length > 1)
      return conflict(
        answers.map((a) => a.map((t) => t.o)),
        which === UNTOLD ? '' : ` for ${which}`,
      );
  }
  // The first answer of each case, first, so the evidence shows every case.
  const firsts = [...cases.values()].map((seen) => seen[0]!);
  const ordered = [...new Set([...firsts.map((t) => t.o), ...readings])];
  const missing = POINT_CASES[point].filter((which: string) => !cases.has(which));
  if (group(firsts, (t) => JSON.stringify(t.value)).size === 1) {
    // The simple form claims every case: say which ones no answer showed (a read-only tenant's). An
    // answer whose case could not be told may have been of any, so it leaves none unseen.
    const seen = POINT_CASES[point].filter((which: string) => cases.has(which));
    const unseen =
      missing.length && !cases.has(UNTOLD)
        ? `; seen for ${seen.join(', ')} only (${missing.join(', ')} not seen: read as the same)`
        : '';
    return agreed(firsts[0]!.value, ordered, unseen);
  }
  const untold = cases.get(UNTOLD)?.[0];
  if (untold)
    return conflict(
      [firsts.filter((t) => t !== untold).map((t) => t.o), [untold.o]],
      ', and an answer could not be told by case',
    );
  if (missing.length > 0)
    return {
      why: 'unseen',
      text: `the answers differ by case (${firsts.map((t) => `${t.which} ${JSON.stringify(t.value)}`).join(', ')}) and ${missing.join(', ')} was not seen: a per-case reading needs every case`,
      evidence: firsts.slice(0, MAX_EVIDENCE).map((t) => evidenceOf(t.o)),
    };
  const byWhich = Object.fromEntries(firsts.map((t) => [t.which, t.value]));
  const reading = fromCases(point, byWhich as Parameters<typeof fromCases>[1]);
  // Evidence of every case, however many.
  return agreed(reading, ordered, '; per case', Math.max(MAX_EVIDENCE, firsts.length));
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
