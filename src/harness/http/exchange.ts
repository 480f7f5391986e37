import { isJsonNestedTooDeep } from '../../common/json-depth.ts';
import { parseHttpDate } from './http-date.ts';

// One HTTP request and its answer, as the harness records and checks it.
export interface Exchange {
  // Operation of the contract this request belongs to; undefined for paths outside the contract.
  operationId?: string;
  method: string;
  url: string;
  // Path template of the operation, e.g. /api/machineactions/{id}/cancel.
  pathTemplate: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  // Lower-case header names.
  headers: Record<string, string>;
  text: string;
  // Parsed JSON body; undefined when empty or not JSON.
  body: unknown;
  durationMs: number;
  // Epoch ms when the answer arrived, by the client's clock: the base of an HTTP-date Retry-After when
  // the answer has no Date header.
  receivedAt: number;
}

// Each level of nesting takes two characters: an answer this short cannot nest deep enough to run the
// suite's recursion out of stack, and its shape is the schema's to judge. Scanning every answer cost
// up to 2 % of a call's CPU; the API's answers are well under this size (a long list page excepted).
const SCANNED_FROM_CHARS = 4096;

export function parseJson(text: string): unknown {
  if (!text.trim() || (text.length >= SCANNED_FROM_CHARS && isJsonNestedTooDeep(text))) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;.*)?$/i.test(value.trim());
}

// Retry-After as seconds from now (delta-seconds or HTTP-date); undefined when absent or unreadable.
function retryAfterSeconds(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = parseHttpDate(text, now.getTime());
  return at === undefined ? undefined : Math.ceil((at - now.getTime()) / 1000);
}

// Retry-After of an answer in seconds. An HTTP-date is measured from the answer's Date header (the
// target's clock, which may be virtual), or from when the answer arrived when there is none.
export function retryAfterOf(exchange: Pick<Exchange, 'headers' | 'receivedAt'>): number | undefined {
  const date = exchange.headers.date?.trim();
  const stamped = date ? (parseHttpDate(date, exchange.receivedAt) ?? Date.parse(date)) : Number.NaN;
  const base = new Date(Number.isNaN(stamped) ? exchange.receivedAt : stamped);
  return retryAfterSeconds(exchange.headers['retry-after'], base);
}

export function errorCode(exchange: Exchange): string | undefined {
  const error = (exchange.body as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}

// "POST /api/machineactions/{id}/cancel → 404", the step title and the violation prefix.
export function exchangeTitle(exchange: Pick<Exchange, 'method' | 'pathTemplate' | 'status'>): string {
  return `${exchange.method} ${exchange.pathTemplate} → ${exchange.status}`;
}
