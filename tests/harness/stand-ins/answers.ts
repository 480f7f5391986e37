import type { Exchange } from '../../../src/harness/http/exchange.ts';

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

// A cancel of `id` answered 200 with `body`, as the API client records it.
export function cancelAnswer(id: string, body: unknown): Exchange {
  return {
    ...answer(200, body),
    operationId: 'CancelMachineAction',
    method: 'POST',
    url: `http://target.test/api/machineactions/${id}/cancel`,
    pathTemplate: '/api/machineactions/{id}/cancel',
  };
}

// A machine action as a GET answers it, with timestamps of two precisions.
export const ENTITY = {
  id: 'a',
  type: 'RunAntiVirusScan',
  status: 'Pending',
  creationDateTimeUtc: '2026-12-02T10:00:00.123Z',
  lastUpdateDateTimeUtc: '2026-12-02T10:00:00.1234567Z',
};
