import { editDistance } from '../common/edit-distance.ts';
import { type CasePoint, POINT_CASES } from './profile-cases.ts';

// Three mistakes of a hand-edited profile the schema's words would not name (profile-format.ts): an entry
// whose "reading" is misspelt, one whose reading is the word "unknown", and a per-case reading with a
// key that is none of its point's cases.

// An entry with neither "reading" nor "unknown" but another member ("readng"): name it and the fix.
export function misspeltEntry(points: Record<string, unknown> | undefined): string | undefined {
  for (const [point, entry] of Object.entries(points ?? {})) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    if ('reading' in entry || 'unknown' in entry) continue;
    const stray = Object.keys(entry).find((key) => key !== 'evidence' && key !== 'note');
    if (stray === undefined) continue;
    const near = ['reading', 'unknown'].filter((word) => editDistance(stray.toLowerCase(), word) <= 2);
    const fix = (near.length ? near : ['reading', 'unknown']).map((w) => `"${w}"`).join(' or ');
    const named = /^[A-Za-z][A-Za-z_-]{0,30}$/.test(stray)
      ? `"${stray}"`
      : `a member of ${stray.length} character(s)`;
    return `point ${point}: expected "reading", or "unknown" with the reason, got an object with ${named}; write ${fix}`;
  }
  return undefined;
}

// {"reading": "unknown"}: no point reads the word, so the schema's complaint would be about the type
// the point wants (a number, a refusal), not that unknown is written with its reason.
export function unknownAsReading(points: Record<string, unknown> | undefined): string | undefined {
  const point = Object.entries(points ?? {}).find(
    ([, entry]) => (entry as { reading?: unknown } | null)?.reading === 'unknown',
  )?.[0];
  return point === undefined
    ? undefined
    : `point ${point}: an unknown point is written {"unknown": "why it is not known"}, not {"reading": "unknown"}`;
}

// A key beside a case's ("Canceled" beside "Succeeded"), or one that is a case spelt otherwise
// ("succeeded", "Get"): a per-case form with a mistyped or foreign case. A simple form's members
// (status, code) are near no case, so it is never taken for one.
export function strayCase(point: CasePoint, reading: unknown): string | undefined {
  if (reading === null || typeof reading !== 'object' || Array.isArray(reading)) return undefined;
  const cases: readonly string[] = POINT_CASES[point];
  const keys = Object.keys(reading);
  const nearCase = (key: string) =>
    cases.some((which) => editDistance(key.toLowerCase(), which.toLowerCase()) <= 2);
  return keys.some((key) => cases.includes(key) || nearCase(key))
    ? keys.find((key) => !cases.includes(key))
    : undefined;
}
