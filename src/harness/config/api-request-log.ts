// Playwright's API log (DEBUG=pw:api, or a pattern that takes it in: pw:*, *) prints each request a
// request context sends with every header, the Authorization header whole; its channel log
// (pw:channel) prints each message its client sends, a fetch's headers among them. A tenant on a
// Microsoft host is reached through Playwright's request context (src/harness/http/transport.ts), and
// either log is a worker's stderr (or DEBUG_FILE), which the list reporter prints as it comes, before
// any redaction: a run with one on printed the tenant's bearer tokens on the CI log. Loopback targets
// go through the suite's own client, which logs nothing.
const LOGS = [
  { name: 'pw:api', what: 'API' },
  { name: 'pw:channel', what: 'channel' },
] as const;

// The first of those logs DEBUG turns on, read as the `debug` package Playwright uses reads it: names
// and patterns separated by commas or spaces, "*" matching anything, a leading "-" leaving a name out.
function loggedBy(debug: string | undefined): (typeof LOGS)[number] | undefined {
  const patterns = (debug ?? '').split(/[\s,]+/).filter(Boolean);
  const matches = (pattern: string, log: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*?')}$`).test(log);
  return LOGS.find(
    ({ name }) =>
      !patterns.some((p) => p.startsWith('-') && matches(p.slice(1), name)) &&
      patterns.some((p) => !p.startsWith('-') && matches(p, name)),
  );
}

export function logsApiRequests(debug: string | undefined): boolean {
  return loggedBy(debug) !== undefined;
}

// Why DEBUG may not stay as it is for a tenant on a Microsoft host (logsApiRequests is true).
export function apiRequestLogProblem(debug: string | undefined): string {
  const log = loggedBy(debug) ?? LOGS[0];
  return `turns on Playwright's ${log.what} log (${log.name}), which prints every request's headers on the terminal, the tenant's bearer token among them; unset DEBUG for a tenant run, or leave those logs out (DEBUG=pw:*,-pw:api,-pw:channel)`;
}
