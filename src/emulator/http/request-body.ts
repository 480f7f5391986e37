import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { refusal, WireError } from '../error-catalogue.ts';
import type { BodyPolicy } from './body-policy.ts';
import { oneStringMember } from './json-text.ts';

// Reads the JSON body of an API call; undefined when there is no body at all. The raw text arrives
// from the catch-all content-type parser (app.ts), so the Content-Type decisions are all made here:
// the profile's readings of docs/contract.md#body-without-content-type and
// docs/contract.md#body-with-wrong-content-type, and the operation's body policy (the request seam).
export function readJsonBody(
  ctx: EmulatorContext,
  request: FastifyRequest,
  policy: BodyPolicy,
): Record<string, unknown> | undefined {
  const raw = typeof request.body === 'string' ? request.body : '';
  // No body at all: nothing to label, nothing to parse.
  if (raw.length === 0) return undefined;
  // No coding is undone here: a gzipped body read as text answered "not valid JSON", and one labelled
  // gzip that was not was served (RFC 9110 §8.4.1 lets a server refuse a coding with 415).
  const coding = request.headers['content-encoding']?.trim().toLowerCase();
  if (coding && coding !== 'identity')
    throw new WireError(
      'UnsupportedMediaType',
      `Content-Encoding "${coding}" is not supported: send the body uncompressed, without Content-Encoding.`,
    );
  const readings = ctx.profile.readings;
  const contentType = request.headers['content-type'];
  if (policy.formFields && contentType?.split(';')[0]?.trim().toLowerCase() === FORM) return formBody(raw);
  if (contentType === undefined) {
    const reading = readings['body-without-content-type'];
    if (reading !== 'accepted')
      throw refusal(reading, 'The body has no Content-Type; send application/json.');
  } else if (!isJson(contentType, policy)) {
    // The body policy may check the label only where the body names a Comment.
    const bare = policy.labelCheckedWithComment ? uncommentedObject(raw) : undefined;
    if (bare) return bare;
    const detail = `Content-Type "${contentType}" is not supported; send application/json.`;
    throw refusal(readings['body-with-wrong-content-type'], detail);
  }
  // RFC 8259 §8.1: JSON between systems is UTF-8. Read with U+FFFD in place of the bytes, it was served
  // and a Comment stored other than sent.
  if (request.bodyNotUtf8) {
    if (policy.malformedJson === 'read-as-empty') return {};
    throw new WireError(
      'InvalidRequestBody',
      'The request body is not valid UTF-8: send the JSON encoded as UTF-8.',
    );
  }
  let parsed: unknown = oneStringMember(raw);
  if (parsed !== undefined) return parsed as Record<string, string>;
  try {
    parsed = JSON.parse(raw);
  } catch {
    if (policy.malformedJson === 'read-as-empty') return {};
    // RFC 8259 lets a parser refuse a byte order mark, as this one does; "not valid JSON" alone sent
    // users looking for a mistake in JSON that has none.
    const detail =
      raw.charCodeAt(0) === 0xfeff
        ? 'The request body begins with a byte order mark (U+FEFF): send the JSON without it.'
        : 'The request body is not valid JSON.';
    throw new WireError('InvalidRequestBody', detail);
  }
  if (Array.isArray(parsed) && policy.arrayBody === 'first-item') parsed = parsed[0] ?? {};
  const type = typeof parsed;
  if ((type === 'string' || type === 'number' || type === 'boolean') && policy.scalarBody === 'read-as-empty')
    parsed = {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new WireError('InvalidRequestBody', 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

const FORM = 'application/x-www-form-urlencoded';

// A JSON object without a Comment member, or undefined for any other text.
function uncommentedObject(raw: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    const object = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    return object && !('Comment' in parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// A form body as the body policy may read it: its Comment field, which the form binding requires.
function formBody(raw: string): Record<string, unknown> {
  const comment = new URLSearchParams(raw).get('Comment');
  if (comment === null) throw new WireError('InvalidRequestBody', 'Parameter Comment is missing.');
  return { Comment: comment };
}

function isJson(contentType: string, policy: BodyPolicy): boolean {
  // What nearly every client sends, decided without taking the header apart.
  if (contentType === 'application/json') return true;
  if (policy.exactJsonLabel) return false;
  if (policy.jsonPrefix && contentType.toLowerCase().startsWith('application/json')) return true;
  const written = contentType.split(';')[0]!.trim();
  const type = policy.typeCaseSensitive ? written : written.toLowerCase();
  if (policy.charsetExactly !== null && !charsetIs(contentType, policy.charsetExactly)) return false;
  return type === 'application/json' || policy.alsoJson.includes(type);
}

// Whether the label has no charset parameter, or one written exactly `charset` (case and all).
function charsetIs(contentType: string, charset: string): boolean {
  const value = /;\s*charset\s*=\s*"?([^";]*)/i.exec(contentType)?.[1];
  return value === undefined || value.trim() === charset;
}
