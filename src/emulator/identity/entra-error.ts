import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENTRA_ERRORS, type EntraErrorName } from '../../contract/entra-errors.ts';

// A refusal of the token endpoint (or of a discovery document), as Entra ID words it: the AADSTS code
// of src/contract/entra-errors.ts and a message in Entra's words. Checks throw it; the route answers it.
export class EntraRefusal extends Error {
  constructor(
    readonly entry: EntraErrorName,
    readonly detail: string,
    // invalid_tenant instead of the entry's error: what the discovery documents answer.
    readonly errorOverride?: string,
  ) {
    super(detail);
    this.name = 'EntraRefusal';
  }
}

// Entra's body: error_description starts with the code and ends with the Trace ID, Correlation ID and
// Timestamp lines (\r\n apart), then error_codes, timestamp, trace_id, correlation_id and error_uri
// (learn.microsoft.com/entra/identity-platform/reference-error-codes, "Handling error codes").
function entraErrorBody(refusal: EntraRefusal, nowMs: number, correlationId: string) {
  const { code, error } = ENTRA_ERRORS[refusal.entry];
  return entraShape(refusal.errorOverride ?? error, code, refusal.detail, nowMs, correlationId);
}

// Never a Retry-After: msal treats one on any answer as throttling and refuses locally for its duration.
export function sendEntraError(
  reply: FastifyReply,
  request: FastifyRequest,
  refusal: EntraRefusal,
  nowMs: number,
  cacheControl = 'no-store, no-cache',
) {
  const body = entraErrorBody(refusal, nowMs, correlationIdOf(request));
  return sendEntraShape(reply, ENTRA_ERRORS[refusal.entry].status, body, cacheControl);
}

// A refusal of the HTTP layer (a body over the limit, a bad Content-Length) on the token endpoint, in
// Entra's shape. No AADSTS code is known for these, and the table makes none up: error_codes is empty.
export function sendEntraHttpRefusal(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  nowMs: number,
) {
  const body = entraShape('invalid_request', undefined, detail, nowMs, correlationIdOf(request));
  return sendEntraShape(reply, status, body, 'no-store, no-cache');
}

// The same refusal where there is no Fastify reply (Node answers before any route: http/node-answers.ts),
// as a status, headers and body for the raw response.
export function entraHttpRefusalAnswer(
  status: number,
  detail: string,
  nowMs: number,
  clientRequestId: unknown,
): { status: number; headers: Record<string, string>; body: string } {
  const correlationId =
    typeof clientRequestId === 'string' && GUID.test(clientRequestId) ? clientRequestId : randomUUID();
  const body = entraShape('invalid_request', undefined, detail, nowMs, correlationId);
  const headers = {
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
    'content-type': 'application/json; charset=utf-8',
  };
  return { status, headers, body: JSON.stringify(body) };
}

function entraShape(
  error: string,
  code: number | undefined,
  detail: string,
  nowMs: number,
  correlationId: string,
) {
  const traceId = randomUUID();
  const timestamp = entraTimestamp(nowMs);
  return {
    error,
    error_description:
      `${code === undefined ? '' : `AADSTS${code}: `}${detail}\r\nTrace ID: ${traceId}\r\n` +
      `Correlation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: code === undefined ? [] : [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...(code === undefined ? {} : { error_uri: `https://login.microsoftonline.com/error?code=${code}` }),
  };
}

function sendEntraShape(reply: FastifyReply, status: number, body: object, cacheControl: string) {
  return reply
    .code(status)
    .header('cache-control', cacheControl)
    .header('pragma', 'no-cache')
    .header('content-type', 'application/json; charset=utf-8')
    .send(body);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Entra echoes the client's client-request-id (header, or the query msal-node adds) as correlation_id.
function correlationIdOf(request: FastifyRequest): string {
  const header = request.headers['client-request-id'];
  const query = (request.query as Record<string, unknown> | undefined)?.['client-request-id'];
  for (const value of [header, query]) if (typeof value === 'string' && GUID.test(value)) return value;
  return randomUUID();
}

// '2026-01-05 09:00:00Z', Entra's form of the timestamp.
function entraTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

// The range of a .NET DateTime, what Entra prints its instants as: years 0001 to 9999.
const EARLIEST_INSTANT_MS = -62_135_596_800_000;
const LATEST_INSTANT_MS = 253_402_300_799_999;

// '2026-01-05T09:00:00.0000000Z', the .NET round-trip form Entra writes in AADSTS700024. The instant is
// a claim of the client's assertion: one past any date (nbf 1e20) must still be refused with 700024,
// not make toISOString() throw and the token endpoint answer 500, so it is printed at the range's edge.
export function entraInstant(epochMs: number): string {
  const ms = Number.isFinite(epochMs)
    ? Math.min(Math.max(epochMs, EARLIEST_INSTANT_MS), LATEST_INSTANT_MS)
    : 0;
  return `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
}
