import type { Evidence } from '../../contract/index.ts';
import { type Exchange, errorCode, exchangeTitle } from '../http/exchange.ts';
import { redactText } from '../redaction/redact.ts';

// What an observed profile keeps of an exchange: the request in the reports' words, the status, the
// error code and only the answer's headers that tell the point. Never a request header (Authorization),
// a body or an id; header values go through the same redaction as every report.
export function evidenceOf(exchange: Exchange, headers: readonly string[] = []): Evidence {
  const shown: Record<string, string> = {};
  for (const name of headers) {
    const value = exchange.headers[name];
    if (value !== undefined) shown[name] = redactText(value);
  }
  return {
    exchange: exchangeTitle(exchange),
    status: exchange.status,
    code: errorCode(exchange) ?? null,
    ...(Object.keys(shown).length > 0 ? { headers: shown } : {}),
  };
}
