import { challengeMeaning } from './challenge-meaning.ts';
import { mediaTypeMeaning } from './media-type-meaning.ts';
import { caseReading, duplicateAnswer, isCasePoint, POINT_CASES } from './profile-cases.ts';
import { OPEN_POINTS, type OpenPointId, type ProfileDocument, type Readings } from './profile-format.ts';

// Two profiles point by point (docs/calibration.md#compare): which open points read the same, which
// differ (per case where a point has cases), which one side leaves unknown or absent. Readings are
// compared by what they mean, not how they are written: a per-case form whose cases agree is the simple
// form, "reject" is 400 ActiveRequestAlreadyExists, member order and extra-member order do not count,
// nor does how a Content-Type or a challenge is spelt (media-type-meaning.ts, challenge-meaning.ts).

// One case of a point that differs; `which` is absent for a point without cases.
export interface CaseDifference {
  which?: string;
  a: unknown;
  b: unknown;
}

export type PointComparison =
  | { point: OpenPointId; kind: 'same'; reading: unknown }
  | { point: OpenPointId; kind: 'differ'; cases: CaseDifference[] }
  // Read by one side only; `other` says why the other has none (its unknown reason, or absent).
  | { point: OpenPointId; kind: 'one-side'; side: 'a' | 'b'; reading: unknown; other: string }
  | { point: OpenPointId; kind: 'neither'; a: string; b: string };

export function compareProfiles(a: ProfileDocument, b: ProfileDocument): PointComparison[] {
  return OPEN_POINTS.map((point) => comparePoint(point, a, b));
}

function comparePoint(point: OpenPointId, a: ProfileDocument, b: ProfileDocument): PointComparison {
  const [entryA, entryB] = [a.points[point], b.points[point]];
  const readA = entryA && 'reading' in entryA ? entryA : undefined;
  const readB = entryB && 'reading' in entryB ? entryB : undefined;
  if (!readA && !readB) return { point, kind: 'neither', a: whyNone(entryA), b: whyNone(entryB) };
  if (!readA) return { point, kind: 'one-side', side: 'b', reading: readB!.reading, other: whyNone(entryA) };
  if (!readB) return { point, kind: 'one-side', side: 'a', reading: readA.reading, other: whyNone(entryB) };
  const cases = differences(point, readA.reading, readB.reading);
  return cases.length === 0
    ? { point, kind: 'same', reading: readA.reading }
    : { point, kind: 'differ', cases };
}

function whyNone(entry: { unknown: string } | { reading: unknown } | undefined): string {
  return entry && 'unknown' in entry ? `unknown: ${entry.unknown}` : 'absent from the file';
}

function differences(point: OpenPointId, a: unknown, b: unknown): CaseDifference[] {
  if (isCasePoint(point)) {
    const cases: readonly string[] = POINT_CASES[point];
    return cases.flatMap((which) => {
      const [caseA, caseB] = [a, b].map((r) =>
        caseReading(point, r as Readings[typeof point], which as never),
      );
      const [meantA, meantB] = [caseA, caseB].map((r) => caseMeaning(point, r));
      return sameReading(meantA, meantB) ? [] : [{ which, a: caseA, b: caseB }];
    });
  }
  const [meantA, meantB] = [meaning(point, a), meaning(point, b)];
  return sameReading(meantA, meantB) ? [] : [{ a, b }];
}

// The same for one case of a point read per case: a challenge is compared by what it says.
function caseMeaning(point: OpenPointId, reading: unknown): unknown {
  return point === 'www-authenticate' && typeof reading === 'string' ? challengeMeaning(reading) : reading;
}

// The precise form of a reading that has several spellings.
function meaning(point: OpenPointId, reading: unknown): unknown {
  if (point === 'duplicate-create') return duplicateAnswer(reading as Readings['duplicate-create']);
  if (point === 'json-media-type') {
    const { contentType, odataVersion } = reading as Readings['json-media-type'];
    return { contentType: mediaTypeMeaning(contentType), odataVersion };
  }
  if (point === 'extra-members') {
    const { entity, error } = reading as Readings['extra-members'];
    return { entity: [...entity].sort(), error: [...error].sort() };
  }
  return reading;
}

export function sameReading(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

// JSON with the members of every object in name order: {"status","code"} and {"code","status"} agree.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

// The two files' contract hashes when both record one and they differ (profile-contract.ts): a point may
// then differ because the suite reads it otherwise, not because the target changed.
export function contractsApart(a: ProfileDocument, b: ProfileDocument): [string, string] | undefined {
  const [hashA, hashB] = [a.source?.contractHash, b.source?.contractHash];
  return hashA && hashB && hashA !== hashB ? [hashA, hashB] : undefined;
}
