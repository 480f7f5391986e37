import type { TestInfo } from '@playwright/test';
import type { OpenPointId } from '../../contract/index.ts';
import { ENTITY_MEMBERS, ERROR_MEMBERS, TIMESTAMP_MEMBERS } from '../../contract/schema-members.ts';
import { inRateTest } from '../evidence/rate-test.ts';
import { currentTestInfo } from '../evidence/record-finding.ts';
import { type Exchange, isJsonContentType } from '../http/exchange.ts';
import { parseHttpDate } from '../http/http-date.ts';
import { evidenceOf } from './exchange-evidence.ts';
import { caseOf, inCase } from './point-case.ts';
import { asRefusal } from './read-answer.ts';
import { recordReading } from './record-reading.ts';
import { actionIdOf, knownToExist, noteStatus } from './seen-states.ts';

// The open points every answer shows, read from the wire alone (docs/calibration.md#passive-points):
// nothing here knows how any emulator answers. One entry per point this exchange tells.
export interface PassiveReading {
  point: OpenPointId;
  reading?: unknown;
  // Set instead of a reading when the answer shows the point in no lawful way.
  unreadable?: string;
  // The answer's headers that show it, kept as evidence.
  headers: readonly string[];
  note?: string;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.(\d+))?(?:Z|[+-]\d\d:\d\d)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function passiveReadings(exchange: Exchange, info?: TestInfo): PassiveReading[] {
  const out: PassiveReading[] = [];
  const { headers, status } = exchange;
  const close = /(^|,)\s*close\s*(,|$)/i.test(headers['connection'] ?? '');
  out.push({ point: 'connection', reading: close ? 'close' : 'keep-alive', headers: ['connection'] });
  if (exchange.text.length > 0) {
    const chunked = /chunked/i.test(headers['transfer-encoding'] ?? '');
    const framing = { point: 'framing', headers: ['transfer-encoding', 'content-length'] } as const;
    if (chunked || headers['content-length'] !== undefined)
      out.push({ ...framing, reading: chunked ? 'chunked' : 'content-length' });
    // HTTP/1.1 lets the connection's close end a body (RFC 9112 §6.3); the profile format has no reading
    // for it, so it is told as such, not left for the profile to say no answer had a body.
    else
      out.push({
        ...framing,
        unreadable: 'a body ended by the connection closing (neither Transfer-Encoding nor Content-Length)',
      });
  }
  // Headers tell these whatever the body (a bare 401 or 429 too); a 401 per case: without
  // Authorization, or with a bad token (docs/calibration.md#per-case).
  if (status === 401)
    out.push({
      point: 'www-authenticate',
      reading: { [caseOf('www-authenticate', exchange, undefined)!]: headers['www-authenticate'] ?? null },
      headers: ['www-authenticate'],
    });
  if (status === 404) out.push(...unknownId(exchange, info));
  const retryAfter = headers['retry-after']?.trim();
  if (status === 429 && retryAfter !== undefined) {
    // Any of the three forms of an HTTP-date (http-date.ts) is the reading http-date.
    const isDate = parseHttpDate(retryAfter, exchange.receivedAt) !== undefined;
    const form = /^\d+$/.test(retryAfter) ? 'delta-seconds' : isDate ? 'http-date' : null;
    if (form) out.push({ point: 'retry-after-form', reading: form, headers: ['retry-after', 'date'] });
  }
  const body = exchange.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  if (status >= 200 && status < 300) out.push(...successReadings(exchange, body as Record<string, unknown>));
  const error = (body as { error?: unknown }).error;
  if (status >= 400 && error && typeof error === 'object' && !Array.isArray(error)) {
    const members = error as Record<string, unknown>;
    out.push({ point: 'error-target', reading: typeof members['target'] === 'string', headers: [] });
    out.push({ point: 'extra-members', reading: { error: extras(members, ERROR_MEMBERS) }, headers: [] });
  }
  return out;
}

// An entity or a collection of them: media type, @odata.context, timestamps and extra members.
function successReadings(exchange: Exchange, body: Record<string, unknown>): PassiveReading[] {
  const out: PassiveReading[] = [];
  const contentType = exchange.headers['content-type'];
  const mediaHeaders = ['content-type', 'odata-version'];
  if (isJsonContentType(contentType))
    out.push({
      point: 'json-media-type',
      reading: { contentType, odataVersion: exchange.headers['odata-version'] ?? null },
      headers: mediaHeaders,
    });
  else
    out.push({
      point: 'json-media-type',
      unreadable: `a JSON body labelled Content-Type ${JSON.stringify(contentType ?? null)}`,
      headers: mediaHeaders,
    });
  // A null context is one not sent (docs/contract.md#odata-context), as a null error.target is.
  out.push({ point: 'odata-context', reading: typeof body['@odata.context'] === 'string', headers: [] });
  const entities = Array.isArray(body['value']) ? (body['value'] as unknown[]) : [body];
  const names = new Set<string>();
  let digits: number | undefined;
  let example = '';
  for (const entity of entities) {
    if (!entity || typeof entity !== 'object') continue;
    const members = entity as Record<string, unknown>;
    for (const name of extras(members, ENTITY_MEMBERS)) names.add(name);
    for (const field of TIMESTAMP_MEMBERS) {
      const value = members[field];
      const match = typeof value === 'string' ? RFC3339.exec(value) : null;
      if (!match) continue;
      const shown = match[1]?.length ?? 0;
      if (digits === undefined || shown > digits) [digits, example] = [shown, `${field} ${value}`];
    }
  }
  if (entities.length > 0)
    out.push({ point: 'extra-members', reading: { entity: [...names].sort() }, headers: [] });
  if (digits !== undefined)
    out.push({ point: 'timestamp-precision', reading: digits, headers: [], note: `e.g. ${example}` });
  return out;
}

// A 404 to a GET or cancel of a well-formed id: the id names nothing the caller can see
// (docs/contract.md#unknown-id), per operation. Not when the test holds that action: then the 404 is
// another point's refusal (seen-states.ts), which a target may word apart from its unknown ids.
function unknownId(exchange: Exchange, info: TestInfo | undefined): PassiveReading[] {
  const which = caseOf('unknown-id', exchange, undefined);
  const id = actionIdOf(exchange);
  if (which === undefined || id === undefined || !GUID.test(id) || knownToExist(id, info, exchange))
    return [];
  const seen = inCase(asRefusal(exchange), which);
  return [
    'reading' in seen
      ? { point: 'unknown-id', reading: seen.reading, headers: [] }
      : { point: 'unknown-id', unreadable: seen.unreadable, headers: [] },
  ];
}

function extras(members: Record<string, unknown>, named: ReadonlySet<string>): string[] {
  return Object.keys(members)
    .filter((name) => !named.has(name))
    .sort();
}

// Called by the API client on every exchange: records each passive reading on the running test, and
// the status an action showed (a later final-state cancel is read per state).
export function observeExchange(exchange: Exchange): void {
  const info = currentTestInfo();
  if (!info) return;
  noteStatus(exchange, info);
  // A 429 outside the rate tests is another caller's share of the quota or a front door's: no answer
  // of the target to any point (docs/calibration.md#consistency), its Retry-After form included.
  if (exchange.status === 429 && !inRateTest(info)) return;
  for (const seen of passiveReadings(exchange, info))
    recordReading(
      seen.point,
      seen.unreadable !== undefined
        ? { unreadable: seen.unreadable }
        : { reading: seen.reading, ...(seen.note ? { note: seen.note } : {}) },
      () => evidenceOf(exchange, seen.headers),
      info,
    );
}
