// Playwright's API log (DEBUG=pw:api, or a pattern that takes it in: pw:*, *) prints each request a
// request context sends with every header, the Authorization header whole. A tenant on a Microsoft
// host is reached through Playwright's request context (src/harness/http/transport.ts), and the log is
// a worker's stderr, which the list reporter prints as it comes, before any redaction: a run with it on
// printed the tenant's bearer tokens on the CI log. Loopback targets go through the suite's own client,
// which logs nothing.
const API_LOG = 'pw:api';

// Whether DEBUG turns the API log on, read as the `debug` package Playwright uses reads it: names and
// patterns separated by commas or spaces, "*" matching anything, a leading "-" leaving a name out.
export function logsApiRequests(debug: string | undefined): boolean {
  const patterns = (debug ?? '').split(/[\s,]+/).filter(Boolean);
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*?')}$`).test(API_LOG);
  if (patterns.some((p) => p.startsWith('-') && matches(p.slice(1)))) return false;
  return patterns.some((p) => !p.startsWith('-') && matches(p));
}

export const API_REQUEST_LOG_PROBLEM =
  "turns on Playwright's API log (pw:api), which prints every request's headers on the terminal, the tenant's bearer token among them; unset DEBUG for a tenant run, or leave that log out (DEBUG=pw:*,-pw:api)";
