import type { TestInfo } from '@playwright/test';
import type { Exchange } from '../http/exchange.ts';
import { callerTenant } from './caller-tenant.ts';

// Per test, the status each action was last seen in: a final-state cancel's answer is read per state
// (docs/calibration.md#per-case), and the refusal itself does not say which state it refused.
const seen = new WeakMap<TestInfo, Map<string, string>>();

// Per test, the ids known to name an action, with their tenant (caller-tenant.ts): shown by a 2xx
// answer, or handed to the test by its driver. A 404 to one of them from a caller of that tenant is the
// refusal of another open point (a final-state cancel, a cancel without a body may lawfully be a 404),
// never the answer to an id that names nothing. From another tenant's caller it is that answer
// (docs/contract.md#unknown-id, CANCEL.TENANT), so existence is kept per tenant.
const existing = new WeakMap<TestInfo, Set<string>>();

const key = (id: string, tenant: string | undefined) => `${tenant?.toLowerCase() ?? ''}|${id.toLowerCase()}`;

export function noteExists(id: string, info: TestInfo | undefined, tenant?: string): void {
  if (!info) return;
  let ids = existing.get(info);
  if (!ids) {
    ids = new Set();
    existing.set(info, ids);
  }
  ids.add(key(id, tenant));
}

// Whether `id` is known to name an action of the tenant `exchange` was made for.
export function knownToExist(
  id: string,
  info: TestInfo | undefined,
  exchange: Pick<Exchange, 'requestHeaders'>,
): boolean {
  return info ? (existing.get(info)?.has(key(id, callerTenant(exchange))) ?? false) : false;
}

const SHOWS_ENTITY = new Set(['GetMachineAction', 'CancelMachineAction']);

// Notes the ids a 2xx answer shows (an entity, a collection's items: a create or a list too) and the
// status of a 200 that carries one action (a GET, a cancel).
export function noteStatus(exchange: Exchange, info: TestInfo | undefined): void {
  if (!info || exchange.status < 200 || exchange.status > 299) return;
  const body = (exchange.body ?? {}) as { id?: unknown; value?: unknown };
  const shown = Array.isArray(body.value) ? body.value : [body];
  for (const item of shown) {
    const itemId = (item as { id?: unknown } | null)?.id;
    if (typeof itemId === 'string') noteExists(itemId, info, callerTenant(exchange));
  }
  if (exchange.status !== 200 || !SHOWS_ENTITY.has(exchange.operationId ?? '')) return;
  const { id, status } = body as { id?: unknown; status?: unknown };
  if (typeof id !== 'string' || typeof status !== 'string') return;
  let states = seen.get(info);
  if (!states) {
    states = new Map();
    seen.set(info, states);
  }
  states.set(id.toLowerCase(), status);
}

export function lastSeenStatus(id: string, info: TestInfo | undefined): string | undefined {
  return info ? seen.get(info)?.get(id.toLowerCase()) : undefined;
}

// The id a request names in its path (/machineactions/{id}...), as sent.
export function actionIdOf(exchange: Pick<Exchange, 'url'>): string | undefined {
  const match = /\/machineactions\/([^/?#]+)/i.exec(exchange.url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}
