import type { TestInfo } from '@playwright/test';
import type { Exchange } from '../http/exchange.ts';

// Per test, the status each action was last seen in: a final-state cancel's answer is read per state
// (docs/calibration.md#per-case), and the refusal itself does not say which state it refused.
const seen = new WeakMap<TestInfo, Map<string, string>>();

const SHOWS_ENTITY = new Set(['GetMachineAction', 'CancelMachineAction']);

// Notes the status of a 200 that carries one action (a GET, a cancel).
export function noteStatus(exchange: Exchange, info: TestInfo | undefined): void {
  if (!info || exchange.status !== 200 || !SHOWS_ENTITY.has(exchange.operationId ?? '')) return;
  const { id, status } = (exchange.body ?? {}) as { id?: unknown; status?: unknown };
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
