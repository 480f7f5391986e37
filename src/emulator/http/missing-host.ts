import type { FastifyRequest } from 'fastify';
import { WireError } from '../error-catalogue.ts';

// HTTP/1.1 requires Host (RFC 9112 section 3.2) and the emulator names itself from it (@odata.context,
// the discovery documents, assertion audiences): Node's own refusal was a bare 400 with no envelope,
// and an HTTP/1.0 request without one read "http:///api/..." back.
export function missingHost(request: FastifyRequest): WireError | undefined {
  if (request.headers.host) return undefined;
  return new WireError(
    'BadRequest',
    "The request has no Host header: send the emulator's host and port in it, e.g. Host: 127.0.0.1:4010.",
  );
}
