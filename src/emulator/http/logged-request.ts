import { ENTRA_SECRET_SHAPE } from '../../contract/entra-secret-shape.ts';
// What the emulator's log says of a request (--log-level info and below). Fastify's own serializer
// logs the URL whole, and a client may put a credential in the query: RFC 6750 lets a bearer token
// travel as ?access_token=, and a misconfigured automation sends client_secret or client_assertion
// there. Those reached the log, where the censored Authorization header and the unlogged bodies
// promised no token would. The query's names stay, to tell what was asked; only the OData options
// ($top, $filter ...), which the list route reads and which hold no secret, keep their values.
export interface RequestLike {
  method: string;
  url: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

const CENSORED = '[redacted]';

export function loggedRequest(req: RequestLike): Record<string, unknown> {
  return {
    method: req.method,
    url: loggedUrl(req.url),
    host: req.host ?? req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return loggedPath(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return bareName(pair);
      const name = pair.slice(0, eq);
      return decodedName(name).startsWith('$') ? pair : `${name}=${CENSORED}`;
    })
    .join('&');
  return `${loggedPath(url.slice(0, at))}?${query}`;
}

// A token put where an id goes (the variables of a script swapped) is a path segment: one that holds a
// JWT's header (eyJ) or an Entra client secret's shape, however encoded, is censored whole; ids and route
// names never hold one.
const SECRET_SHAPE = new RegExp(ENTRA_SECRET_SHAPE.source);
function loggedPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      const decoded = decodedName(segment);
      return decoded.includes('eyJ') || SECRET_SHAPE.test(decoded) ? CENSORED : segment;
    })
    .join('/');
}

// A pair without "=" is kept as a name, unless it is a name and its value after all: an "=" encoded
// once or more too often (access_token%3D<token>, %253D after a second encoding), or a bearer token
// sent bare (?eyJ...).
function bareName(pair: string): string {
  const encodedEq = /%(?:25)*3D/i.exec(pair);
  if (encodedEq) return `${pair.slice(0, encodedEq.index + encodedEq[0].length)}${CENSORED}`;
  return decodedName(pair).startsWith('eyJ') ? CENSORED : pair;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
