import { describeFetchError } from './fetch-error.ts';
import { WireLoss } from './raw-request.ts';

// Why an exchange of the API client was lost: the lean client's own words, Playwright's timeout, or
// the fetch error's cause.
export function describeLoss(error: unknown): string {
  if (error instanceof WireLoss) return error.message;
  const message = String((error as Error)?.message ?? error);
  // Playwright's request context says "Timeout 10000ms exceeded" when nothing came back in time.
  const timeout = /Timeout (\d+)ms exceeded/.exec(message);
  return timeout ? `no answer within ${Number(timeout[1]) / 1000} s` : describeFetchError(error);
}
