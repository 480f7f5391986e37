import { isLoopback } from '../config/hosts.ts';

// The suite's own API calls go to the target directly: neither its lean client nor Playwright's request
// context reads HTTPS_PROXY, while @azure/identity's sign-in does. Behind a proxy with no direct route
// out, the sign-in worked and the API "did not answer": this names the cause. The proxy's URL, which
// may hold a password, is never shown; only the variable's name.
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

export function apiProxyNote(url: string, env: Record<string, string | undefined> = process.env): string {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(host) || bypassed(host, env['NO_PROXY'] ?? env['no_proxy'] ?? '')) return '';
  const name = PROXY_VARIABLES.find((variable) => env[variable]?.trim());
  if (!name) return '';
  return `. ${name} is set, but the suite calls the API directly, never through a proxy (only the sign-in goes through it): run it where ${host} is reachable without one`;
}

// NO_PROXY as curl reads it: `*`, or a host the entry names or ends in (a leading dot optional).
function bypassed(host: string, noProxy: string): boolean {
  return noProxy
    .split(/[,\s]+/)
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\*?\./, '')
        .replace(/:\d+$/, ''),
    )
    .some((entry) => entry === '*' || (entry !== '' && (host === entry || host.endsWith(`.${entry}`))));
}
