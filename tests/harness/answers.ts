import type { Exchange } from '../../src/harness/http/exchange.ts';

// An answer as the API client records it.
export function answer(status: number, body: unknown, headers: Record<string, string> = {}): Exchange {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    operationId: 'GetMachineAction',
    method: 'GET',
    url: 'http://target.test/api/machineactions/x',
    pathTemplate: '/api/machineactions/{id}',
    requestHeaders: { authorization: 'Bearer secret-token-value' },
    status,
    headers: { 'content-type': 'application/json', 'content-length': String(text.length), ...headers },
    text,
    body,
    durationMs: 1,
    receivedAt: Date.parse('2026-11-26T10:00:00Z'),
  };
}
