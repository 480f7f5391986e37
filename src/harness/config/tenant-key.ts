import { createHash } from 'node:crypto';

// Ten hexadecimal digits of a SHA-256 of the API host and the directory (tenant) id: tells two tenants
// behind one API host apart (staging and production) in ledgers, file names and the reports' target
// line, without writing the id itself.
export function tenantKey(apiBaseUrl: string, tenantId: string): string {
  return createHash('sha256')
    .update(`${new URL(apiBaseUrl).host}|${tenantId}`)
    .digest('hex')
    .slice(0, 10);
}
