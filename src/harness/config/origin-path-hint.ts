import { isLoopback } from './hosts.ts';

// A URL with a path where an origin is asked for: MSAL's authority (https://host/{tenant}, .../v2.0),
// the token endpoint, or the API's /api copied whole. "must be an origin without path" left the reader
// to work out which part to keep and where the rest goes: the origin to set, and what the suite adds
// itself. So too a host without its scheme (127.0.0.1:4411) or with it in capitals (HTTP://...), which
// left an emulator author nothing to copy. Nothing for a URL with credentials, which a message never
// shows, nor for a valid origin.
export function originPathHint(name: string, shownName: string, value: string): string {
  const url = parsed(value);
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) return '';
  if (url.pathname === '/' && /^https?:\/\//.test(value)) return '';
  const rest =
    url.pathname === '/'
      ? ''
      : name === 'MDE_AUTH_BASE_URL'
        ? '; the tenant id goes in MDE_TENANT_ID, and the suite adds /{tenant}/oauth2/v2.0/token itself'
        : name === 'MDE_API_BASE_URL'
          ? '; the suite adds /api/... itself'
          : '';
  return `: set ${shownName}=${url.origin}${rest}`;
}

const hasScheme = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);

// A value without a scheme is read as a host: plain HTTP on loopback (an emulator, as the default
// http://127.0.0.1:4010), HTTPS elsewhere (a service). Only a host that reads as one: a dotted name,
// an address or localhost, never "http//host" taken for a host named "http".
function parsed(value: string): URL | undefined {
  try {
    if (hasScheme(value)) return new URL(value);
    if (value.includes('@') || !/^[^/\s]+(\/|$)/.test(value)) return undefined;
    const url = new URL(`http://${value}`);
    if (!url.hostname.includes('.') && !isLoopback(url.hostname)) return undefined;
    return isLoopback(url.hostname) ? url : new URL(`https://${value}`);
  } catch {
    return undefined;
  }
}
