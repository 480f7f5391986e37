import {
  MAX_ID_LENGTH,
  objectAt,
  onlyMembers,
  type Problems,
  pathOf,
  shown,
  textAt,
} from './input-problems.ts';
import type { Machine } from './machine-registry.ts';

// A device of the control protocol (POST /_emulator/machines) or of a seed's `machines`.
export function readMachine(input: unknown, problems: Problems, path = ''): Machine | undefined {
  const body = objectAt(input, path, 'a machine', problems);
  if (!body) return undefined;
  const found = problems.length;
  onlyMembers(body, path, ['tenantId', 'id', 'computerDnsName'], problems);
  const tenantId = textAt(body, path, 'tenantId', problems, MAX_ID_LENGTH);
  const id = textAt(body, path, 'id', problems, MAX_ID_LENGTH);
  const dns = body['computerDnsName'];
  const dnsOk = dns === undefined || dns === null || typeof dns === 'string';
  if (!dnsOk)
    problems.push(`${pathOf(path, 'computerDnsName')} must be a string when given (got ${shown(dns)}).`);
  if (problems.length > found || !tenantId || !id || !dnsOk) return undefined;
  return {
    tenantId: tenantId.toLowerCase(),
    id,
    computerDnsName: (dns as string | null | undefined) ?? null,
  };
}
