import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';

// Reads the JSON body of an API call. The raw text arrives from the catch-all content-type parser
// (app.ts), so the Content-Type decisions (open point U3) are all made here, per profile.
export function readJsonBody(
  ctx: EmulatorContext,
  request: FastifyRequest,
  operationId: string,
): Record<string, unknown> {
  const raw = typeof request.body === 'string' ? request.body : '';
  // No body at all: nothing to label, nothing to parse.
  if (raw.length === 0) return {};
  const isCancel = operationId === 'CancelMachineAction';
  const contentType = request.headers['content-type'];
  if (contentType === undefined) {
    // U3, profile missingContentType.
    if (ctx.profile.missingContentType === 'reject-415')
      throw new WireError('UnsupportedMediaType', 'The body has no Content-Type; send application/json.');
  } else if (
    !isJson(contentType) &&
    !(isCancel && ctx.faults.has('text-plain-accepted') && isTextPlain(contentType))
  ) {
    // U3, profile wrongContentType.
    const detail = `Content-Type "${contentType}" is not supported; send application/json.`;
    if (ctx.profile.wrongContentType === 415) throw new WireError('UnsupportedMediaType', detail);
    throw new WireError('InvalidRequestBody', detail);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    if (isCancel && ctx.faults.has('bad-json-accepted')) return {};
    throw new WireError('InvalidRequestBody', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new WireError('InvalidRequestBody', 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function isJson(contentType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType.trim());
}

function isTextPlain(contentType: string): boolean {
  return /^text\/plain\s*(;|$)/i.test(contentType.trim());
}
