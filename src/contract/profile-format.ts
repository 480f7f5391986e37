import { readSchemaFile } from './contract-files.ts';
import { listedSpelling } from './enum-spelling.ts';
import type { FinalStatus } from './machine-action-states.ts';
import { mostTelling } from './most-telling-violation.ts';
import { casesIn, isCasePoint, POINT_CASES } from './profile-cases.ts';
import { misspeltEntry, strayCase, unknownAsReading } from './profile-entry-problems.ts';
import { plain, type SchemaPatterns } from './profile-format-words.ts';
import { ENTITY_MEMBERS, ERROR_MEMBERS } from './schema-members.ts';
import { validateAgainst, valueAt } from './schema-registry.ts';
import { closestId } from './unknown-requirement.ts';

// The one way to say how a target answers the open points (docs/contract.md#open-points): the
// emulator's built-in profiles, a user's hand-written file and reports/observed-profile.json all have
// this shape (schemas/observed-profile.schema.json).
const SCHEMA = 'observed-profile.schema.json';

export interface Refusal {
  status: number;
  code: string;
}

export type AcceptedOrRefused = 'accepted' | Refusal;

// A reading in its simple form is the same in every case; a per-case form says each case apart
// (docs/calibration.md#per-case). The cases of each point: src/contract/profile-cases.ts.
export type PerFinalState<T> = Record<FinalStatus, T>;

export interface Readings {
  'final-state-cancel': Refusal | PerFinalState<Refusal>;
  'cancel-answer-status': 'cancelled' | 'as-before';
  // Seconds from a cancel's 200 until a GET shows Cancelled, on the settle schedule (settle-schedule.ts).
  'cancel-visible-after': number;
  'cancel-without-comment': AcceptedOrRefused;
  'cancel-without-body': AcceptedOrRefused;
  'body-without-content-type': AcceptedOrRefused;
  'body-with-wrong-content-type': Refusal;
  'unknown-id': Refusal | { cancel: Refusal; get: Refusal };
  'malformed-id': Refusal;
  'retry-after-form': 'delta-seconds' | 'http-date';
  'retry-after-value': 'time-remaining' | 'whole-window';
  'rate-window': 'sliding' | 'fixed-from-first-call' | 'fixed-clock-aligned';
  'timestamp-precision': number;
  'json-media-type': { contentType: string; odataVersion: string | null };
  'error-target': boolean;
  'odata-context': boolean;
  'extra-members': { entity: string[]; error: string[] };
  'www-authenticate': string | null | { missing: string | null; invalid: string | null };
  // 'reject' is 400 ActiveRequestAlreadyExists and 'return-existing' the running action with 201.
  'duplicate-create': 'reject' | 'return-existing' | Refusal | { existing: 200 | 201 };
  connection: 'keep-alive' | 'close';
  framing: 'content-length' | 'chunked';
}

export type OpenPointId = keyof Readings;

// What one exchange showed about a point: the request it answered, in the reports' own words.
export interface Evidence {
  test?: string;
  // "POST /api/machineactions/{id}/cancel → 409"
  exchange: string;
  status?: number;
  code?: string | null;
  headers?: Record<string, string>;
}

export type PointEntry<K extends OpenPointId = OpenPointId> =
  | { reading: Readings[K]; evidence?: Evidence[]; note?: string }
  | { unknown: string; evidence?: Evidence[]; note?: string };

export interface ProfileDocument {
  profileVersion: 1;
  name?: string;
  description?: string;
  source?: {
    kind?: 'built-in' | 'observed' | 'hand-written';
    target?: string;
    runId?: string;
    generatedAt?: string;
    suite?: string;
    contractHash?: string;
  };
  timing?: { latencyMs?: number };
  points: { [K in OpenPointId]?: PointEntry<K> };
}

// The point ids in the order the schema lists them; the schema is the single list.
export const OPEN_POINTS: readonly OpenPointId[] = Object.keys(
  ((readSchemaFile(SCHEMA).properties as Record<string, { properties?: object }>).points?.properties ??
    {}) as Record<string, unknown>,
) as OpenPointId[];

// A profile file that does not fit the format; the message is one line naming the point.
export class ProfileFormatError extends Error {
  override readonly name = 'ProfileFormatError';
}

// Validates a parsed profile document; `origin` names it in messages (a file path, "observed").
// `quote: false` for a user's file, which may not be a profile at all (a service principal's JSON): its
// values are described by their shape, never quoted, since one could be a secret.
export function parseProfile(data: unknown, origin: string, { quote = true } = {}): ProfileDocument {
  const check = validateAgainst(SCHEMA, data);
  if (check.valid) {
    const named = namedAsExtra(data as ProfileDocument);
    if (named) throw new ProfileFormatError(`${origin}: ${named}`);
    return data as ProfileDocument;
  }
  const version = (data as { profileVersion?: unknown } | null)?.profileVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > 1)
    throw new ProfileFormatError(
      `${origin}: profileVersion ${version} is a newer format than this suite reads (1): update the suite, or write the file as version 1`,
    );
  const points = (data as { points?: Record<string, unknown> } | null)?.points;
  const unknownPoint =
    points && typeof points === 'object'
      ? Object.keys(points).find((k) => !(OPEN_POINTS as readonly string[]).includes(k))
      : undefined;
  if (unknownPoint) {
    const near = closestId(unknownPoint, OPEN_POINTS);
    throw new ProfileFormatError(
      `${origin}: "${unknownPoint}" is not an open point; ${near ? `did you mean "${near}"? ` : ''}known points: ${OPEN_POINTS.join(', ')}`,
    );
  }
  const misspelt = misspeltEntry(points) ?? unknownAsReading(points);
  if (misspelt) throw new ProfileFormatError(`${origin}: ${misspelt}`);
  const partial = partialPerCase(points);
  if (partial) throw new ProfileFormatError(`${origin}: ${partial}`);
  const worst = mostTelling(check.violations, data);
  const match = /^\/points\/([^/]+)(\/.*)?$/.exec(worst.path);
  const where = match
    ? `point ${match[1]}${match[2] ? ` ${match[2].slice(1).replace(/\//g, '.')}` : ''}`
    : worst.path === '/'
      ? 'the document'
      : worst.path.slice(1).replace(/\//g, '.');
  const value = valueAt(data, worst.path === '/' ? '' : worst.path);
  const got = `${quote ? worst.got : shapeOf(value)}${listedSpelling(worst, value)}`;
  throw new ProfileFormatError(`${origin}: ${where}: expected ${plain(worst, PATTERNS)}, got ${got}`);
}

// An extra member is one the schemas do not name (docs/contract.md#extra-members): a named one listed
// there is never sent as an extra, so the emulator's answers could not show the file's reading.
function namedAsExtra(doc: ProfileDocument): string | undefined {
  const extras = readingOf(doc, 'extra-members');
  for (const [side, names] of [
    ['entity', ENTITY_MEMBERS],
    ['error', ERROR_MEMBERS],
  ] as const) {
    const named = extras?.[side].find((name) => names.has(name));
    if (named)
      return `point extra-members reading.${side}: "${named}" is a member the schema names, not an extra one; remove it`;
  }
  return undefined;
}

// The schema's patterns, said in words by plain(): a header value ($defs.headerValue), the JSON
// Content-Type, the profile's name and an extra member's name.
const PATTERNS: SchemaPatterns = (() => {
  const pattern = (pointer: string) => valueAt(readSchemaFile(SCHEMA), `${pointer}/pattern`) as string;
  return {
    headerValue: pattern('/$defs/headerValue'),
    contentType: pattern(
      '/properties/points/properties/json-media-type/properties/reading/properties/contentType',
    ),
    name: pattern('/properties/name'),
    memberName: pattern('/$defs/memberNames/items'),
  };
})();

// Numbers, booleans and words as the profile's own readings are written ("delta-seconds": letters, no
// digits, so no hex key either) are shown: they say what to fix. Any other string only by its length.
function shapeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
  if (typeof value === 'string')
    return /^[a-z]{1,16}(-[a-z]{1,16}){0,3}$/.test(value)
      ? JSON.stringify(value)
      : `a string of ${value.length} character(s)`;
  return 'an object';
}

// A per-case reading that leaves cases out fails every branch of the schema's anyOf, whose first
// complaint ("status" missing) would mislead: name the cases it lacks instead.
function partialPerCase(points: Record<string, unknown> | undefined): string | undefined {
  for (const [point, entry] of Object.entries(points ?? {})) {
    if (!isCasePoint(point) || entry === null || typeof entry !== 'object') continue;
    const stray = strayCase(point, (entry as { reading?: unknown }).reading);
    if (stray)
      return `point ${point} reading: "${stray}" is not a case of ${point}; its cases are ${POINT_CASES[point].join(', ')}`;
    const named = casesIn(point, (entry as { reading?: unknown }).reading)?.map(([key]) => key);
    const missing = POINT_CASES[point].filter((which) => named && !named.includes(which));
    if (named && missing.length > 0)
      return `point ${point} reading: a reading per case names every case (${POINT_CASES[point].join(', ')}); missing ${missing.join(', ')}`;
  }
  return undefined;
}

// The reading of a point, or undefined when the document leaves it open or unknown.
export function readingOf<K extends OpenPointId>(doc: ProfileDocument, id: K): Readings[K] | undefined {
  const entry = doc.points[id] as PointEntry<K> | undefined;
  return entry && 'reading' in entry ? entry.reading : undefined;
}
