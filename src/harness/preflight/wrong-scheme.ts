import { TargetUnreachableError } from '../errors.ts';
import { PLAIN_HTTP_ANSWER } from '../http/fetch-error.ts';
import { speaksTls, TLS_ANSWER } from '../http/speaks-tls.ts';

// How a TLS-only server treats a plain-HTTP request, in describeFetchError's words: it drops it. The
// reference emulator, and front ends such as nginx, answer 400 instead.
const DROPPED = [
  'connection reset before the answer was complete',
  'connection closed by the other side',
  'connection closed before the answer',
];
// A handshake with a server that answered at once takes milliseconds; one that hangs is not TLS.
const TLS_PROBE_MS = 2_000;

export interface FailedExchange {
  // The answer's status, when one came.
  status?: number;
  // Why it was lost (describeFetchError's words), when none came.
  loss?: string;
}

// The variable to fix, when `url` (from `variable`) names the right service with the wrong scheme:
// https:// for a service answering plain HTTP, or http:// for one speaking TLS only (the likelier
// slip: `npm run emulator -- --https` beside the default http:// MDE_API_BASE_URL). Undefined when
// the failure is something else. `publicHost`: a Defender host, where plain HTTP is no answer.
export async function wrongScheme(
  url: string,
  variable: string,
  failure: FailedExchange,
  timeoutMs: number,
  cause: unknown,
  publicHost = false,
): Promise<TargetUnreachableError | undefined> {
  const origin = new URL(url).origin;
  if (origin.startsWith('https:') && failure.loss === PLAIN_HTTP_ANSWER)
    return new TargetUnreachableError(
      origin,
      PLAIN_HTTP_ANSWER,
      publicHost
        ? `Check ${variable}: a Defender API host answers HTTPS`
        : `Set ${variable}=${origin.replace(/^https:/, 'http:')}`,
      { cause },
    );
  const refused = failure.status === 400 || (failure.loss !== undefined && DROPPED.includes(failure.loss));
  if (origin.startsWith('http:') && refused && (await speaksTls(url, Math.min(timeoutMs, TLS_PROBE_MS))))
    return new TargetUnreachableError(
      origin,
      TLS_ANSWER,
      `Set ${variable}=${origin.replace(/^http:/, 'https:')} and trust its certificate with NODE_EXTRA_CA_CERTS`,
      { cause },
    );
  return undefined;
}
