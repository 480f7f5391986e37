import { FINAL_STATUSES } from './machine-action-states.ts';
import type { Readings, Refusal } from './profile-format.ts';

// The open points whose reading may say cases apart (docs/calibration.md#per-case), and their cases. A
// reading in its simple form is the same in every case; the per-case form is an object keyed by every
// case. Read here, so the emulator, the observer and the calibration probe agree on what a form means.
export const POINT_CASES = {
  // The state of the action a cancel finds final.
  'final-state-cancel': FINAL_STATUSES,
  // The operation that names the unknown id.
  'unknown-id': ['cancel', 'get'],
  // missing: no Authorization header; invalid: a bad, expired or wrong-scheme token.
  'www-authenticate': ['missing', 'invalid'],
} as const;

export type CasePoint = keyof typeof POINT_CASES;
export type CaseOf<P extends CasePoint> = (typeof POINT_CASES)[P][number];

// What one case answers: the simple form of each point.
export interface CaseReadings {
  'final-state-cancel': Refusal;
  'unknown-id': Refusal;
  'www-authenticate': string | null;
}

export function isCasePoint(point: string): point is CasePoint {
  return point in POINT_CASES;
}

// Whether a reading is the per-case form of its point (the simple forms are never keyed by a case).
export function isPerCase(point: CasePoint, reading: unknown): reading is Record<string, unknown> {
  return reading !== null && typeof reading === 'object' && POINT_CASES[point][0] in reading;
}

// The cases a reading names, each with its answer: a per-case form, or part of one (what one answer of
// a known case tells); undefined for a simple form.
export function casesIn(point: CasePoint, reading: unknown): [string, unknown][] | undefined {
  if (reading === null || typeof reading !== 'object' || Array.isArray(reading)) return undefined;
  const entries = Object.entries(reading);
  const cases: readonly string[] = POINT_CASES[point];
  return entries.length > 0 && entries.every(([key]) => cases.includes(key)) ? entries : undefined;
}

// The answer of one case: the per-case form's entry, or the simple form itself.
export function caseReading<P extends CasePoint>(
  point: P,
  reading: Readings[P],
  which: CaseOf<P>,
): CaseReadings[P] {
  const perCase = isPerCase(point, reading);
  return (perCase ? (reading as Record<string, unknown>)[which] : reading) as CaseReadings[P];
}

// A point's reading from what each case answered: the simple form when every case answered alike.
export function fromCases<P extends CasePoint>(
  point: P,
  byCase: Readonly<Record<CaseOf<P>, CaseReadings[P]>>,
): Readings[P] {
  const values = POINT_CASES[point].map((which) => byCase[which as CaseOf<P>]);
  const first = JSON.stringify(values[0]);
  const alike = values.every((value) => JSON.stringify(value) === first);
  return (alike ? values[0] : { ...byCase }) as Readings[P];
}

// duplicate-create in its precise form. The two words of the first format version keep their meaning:
// the reference emulator's answers when they were the only readings.
export type DuplicateAnswer = Refusal | { existing: 200 | 201 };

export function duplicateAnswer(reading: Readings['duplicate-create']): DuplicateAnswer {
  if (reading === 'reject') return { status: 400, code: 'ActiveRequestAlreadyExists' };
  if (reading === 'return-existing') return { existing: 201 };
  return reading;
}
