import type { TestInfo } from '@playwright/test';
import {
  casesIn,
  type Evidence,
  isCasePoint,
  type OpenPointId,
  ProfileFormatError,
  parseProfile,
} from '../../contract/index.ts';
import { currentTestInfo, recordFinding } from '../evidence/record-finding.ts';

// What one answer told about an open point: a reading, or why it fits none of the lawful readings.
// `throttled`: a 429, which says "not now" (maybe another caller's share of a tenant's quota), not how
// the target answers the point: recorded as nothing, so neither a reading nor an answer that disagrees.
export type Seen<R = unknown> = { reading: R; note?: string } | { unreadable: string; throttled?: true };

export function unreadable(text: string): { unreadable: string } {
  return { unreadable: text };
}

// Per test, the (point, reading) pairs already recorded: a test that sees the same reading a thousand
// times (the rate tests) records it once, with the first exchange that showed it.
const recorded = new WeakMap<TestInfo, Set<string>>();

// Records what an answer told about a point on the running test, for the observed profile. A reading
// outside the point's lawful readings (schemas/observed-profile.schema.json) is recorded as unreadable.
// `evidence` may be a function: it is built only when the pair is new. Never throws.
export function recordReading(
  point: OpenPointId,
  seen: Seen,
  evidence: Evidence | (() => Evidence),
  info: TestInfo | undefined = currentTestInfo(),
): void {
  if (!info || ('throttled' in seen && seen.throttled)) return;
  const key = `${point}\u0000${'reading' in seen ? JSON.stringify(seen.reading) : `!${seen.unreadable}`}`;
  let keys = recorded.get(info);
  if (!keys) {
    keys = new Set();
    recorded.set(info, keys);
  }
  if (keys.has(key)) return;
  keys.add(key);
  const shown = typeof evidence === 'function' ? evidence() : evidence;
  const problem = 'reading' in seen ? judgedOnce(key, point, seen.reading) : seen.unreadable;
  if (problem !== undefined) {
    recordFinding({ kind: 'unreadable', point, text: problem, evidence: shown }, info);
    return;
  }
  const { reading, note } = seen as { reading: unknown; note?: string };
  recordFinding({ kind: 'reading', point, reading, evidence: shown, ...(note ? { note } : {}) }, info);
}

// Whether a reading is lawful depends on the point and the reading alone, and every test of a run sees
// the same few: judged once a process (each judgement parses a one-point profile, about 0.8 % of a
// self-test worker's CPU before). Bounded, for a run whose readings all differ.
const judged = new Map<string, string | undefined>();
const JUDGED_MAX = 10_000;

function judgedOnce(key: string, point: OpenPointId, reading: unknown): string | undefined {
  if (judged.has(key)) return judged.get(key);
  const problem = lawfulnessProblem(point, reading);
  if (judged.size >= JUDGED_MAX) judged.clear();
  judged.set(key, problem);
  return problem;
}

// Why `reading` is not a lawful reading of `point`, or undefined when it is. An extra-members reading
// may name one side only ({entity} or {error}), and a per-case point one case only ({"missing": ...}):
// each answer shows one of them.
export function lawfulnessProblem(point: OpenPointId, reading: unknown): string | undefined {
  const cases = isCasePoint(point) ? casesIn(point, reading) : undefined;
  if (cases) {
    const problems = cases.map(([which, value]) => [which, lawfulnessProblem(point, value)] as const);
    const [which, problem] = problems.find(([, p]) => p !== undefined) ?? [];
    return problem === undefined ? undefined : `${problem} for ${which}`;
  }
  const whole =
    point === 'extra-members' && reading && typeof reading === 'object'
      ? { entity: [], error: [], ...reading }
      : reading;
  try {
    parseProfile({ profileVersion: 1, points: { [point]: { reading: whole } } }, 'reading');
    return undefined;
  } catch (error) {
    if (!(error instanceof ProfileFormatError)) throw error;
    const why = error.message.replace(/^reading: (point [^ ]+ )?/, '');
    return `${JSON.stringify(reading) ?? 'nothing'} is not a lawful reading (${why})`;
  }
}
