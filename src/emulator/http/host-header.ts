import type { FastifyRequest } from 'fastify';
import { WireError } from '../error-catalogue.ts';

// HTTP/1.1 requires one Host, a host and an optional port (RFC 9112 section 3.2; a server MUST answer
// 400 to none, to two, and to one that is no host), and the emulator names itself from it
// (@odata.context, the discovery documents, assertion audiences). Node's own refusal of a missing one
// was a bare 400 with no envelope, and an HTTP/1.0 request without one read "http:///api/..." back;
// Node keeps the first of two Host lines, and `Host: a b` was served, its token_endpoint "http://a b/...".

// RFC 3986 section 3.2.2: an IP literal in brackets, or a name of unreserved, percent-encoded and
// sub-delimiter characters (an IPv4 address among them); then a port of digits.
const HOST = /^(?:\[[0-9A-Za-z:.%~_-]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::[0-9]*)?$/;
const EXAMPLE = 'e.g. Host: 127.0.0.1:4010';

// The Host last found well-formed: a client names the same one on every call.
let goodHost = '';

export function hostProblem(request: FastifyRequest): WireError | undefined {
  const host = request.headers.host;
  if (!host)
    return new WireError(
      'BadRequest',
      `The request has no Host header: send the emulator's host and port in it, ${EXAMPLE}.`,
    );
  if (host !== goodHost) {
    if (!HOST.test(host))
      return new WireError(
        'BadRequest',
        `The Host header ${JSON.stringify(host.slice(0, 100))} is no host and port: send the emulator's, ${EXAMPLE}.`,
      );
    goodHost = host;
  }
  if (hostLines(request.raw.rawHeaders) > 1)
    return new WireError('BadRequest', `The request has more than one Host header: send one, ${EXAMPLE}.`);
  return undefined;
}

function hostLines(rawHeaders: string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 4 && name.toLowerCase() === 'host') count++;
  }
  return count;
}
