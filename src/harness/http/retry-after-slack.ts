import type { Exchange } from './exchange.ts';

// Seconds a Retry-After may read past the wait it names: 2 for an HTTP-date, which a server rounds up
// to its second and which is read against a Date it may have cached up to a second before
// (docs/contract.md#retry-after-form); 0 for delta-seconds, which is the wait itself.
export function dateSlack(received: Pick<Exchange, 'headers'>): number {
  return isHttpDate(received.headers['retry-after']) ? 2 : 0;
}

export function isHttpDate(value: string | undefined): boolean {
  return value !== undefined && !/^\s*\d+\s*$/.test(value);
}
