import { TargetUnreachableError } from '../errors.ts';
import { apiProxyNote } from '../http/api-proxy-note.ts';
import { extraCaFix, isTrustLoss } from '../http/extra-ca-fix.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { sendRaw, WireTimeout } from '../http/raw-request.ts';
import { wrongScheme } from './wrong-scheme.ts';

const STILL_STARTING =
  '; an emulator started just before the run may not listen yet: start the run once it answers';

// The preflight's first check: the API origin answers at all (any status), before any sign-in.
// With the lean client, as the tests' own calls go: fetch refuses ports browsers block (6000, 10080,
// ...), and an emulator listening on one would read as unreachable.
// `extraCa`: the file Node read its extra certificates from as this process started.
export async function probeOrigin(
  url: string,
  timeoutMs: number,
  publicHost: boolean,
  extraCa: string | undefined = process.env.NODE_EXTRA_CA_CERTS,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let status: number;
  try {
    ({ status } = await sendRaw({ url, method: 'GET', headers: {}, timeoutMs }));
  } catch (error) {
    const loss = describeFetchError(error);
    throw (
      (await wrongScheme(url, 'MDE_API_BASE_URL', { loss }, timeoutMs, error, publicHost)) ??
      new TargetUnreachableError(
        new URL(url).origin,
        `the API does not answer: ${loss}`,
        // The target is up, and its certificate is the one thing to fix: "check it is running" misled.
        isTrustLoss(loss)
          ? extraCaFix(loss, extraCa, publicHost, env)
          : `Check MDE_API_BASE_URL and that the target is running and reachable${
              // A slow target is not a dead one: the setting that lets it take longer.
              error instanceof WireTimeout ? ', or raise MDE_REQUEST_TIMEOUT_SECONDS for a slower one' : ''
            }${
              // An emulator started in the background just before (a CI step) that does not listen yet.
              loss === 'connection refused' && !publicHost ? STILL_STARTING : ''
            }${apiProxyNote(url, env)}`,
        { cause: error },
      )
    );
  }
  // A TLS-only server that answers a plain-HTTP request 400 (the reference emulator, nginx).
  const tls = await wrongScheme(url, 'MDE_API_BASE_URL', { status }, timeoutMs, undefined);
  if (tls) throw tls;
}
