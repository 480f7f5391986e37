import { existsSync } from 'node:fs';
import { TargetUnreachableError } from '../errors.ts';
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
        loss.includes('NODE_EXTRA_CA_CERTS')
          ? `${extraCaFix(extraCa, publicHost)}Node reads NODE_EXTRA_CA_CERTS from the environment as it starts, not from .env; \`npm run emulator -- --https\` prints its certificate's file, and GET /_emulator/tls-certificate answers it`
          : `Check MDE_API_BASE_URL and that the target is running and reachable${
              // A slow target is not a dead one: the setting that lets it take longer.
              error instanceof WireTimeout ? ', or raise MDE_REQUEST_TIMEOUT_SECONDS for a slower one' : ''
            }${
              // An emulator started in the background just before (a CI step) that does not listen yet.
              loss === 'connection refused' && !publicHost ? STILL_STARTING : ''
            }`,
        { cause: error },
      )
    );
  }
  // A TLS-only server that answers a plain-HTTP request 400 (the reference emulator, nginx).
  const tls = await wrongScheme(url, 'MDE_API_BASE_URL', { status }, timeoutMs, undefined);
  if (tls) throw tls;
}

// Set, it was read and does not hold what the target serves: a CI image's own bundle, or a copy made
// before the emulator's restart. "Trust it with NODE_EXTRA_CA_CERTS" told the user what they had done.
function extraCaFix(extraCa: string | undefined, publicHost: boolean): string {
  if (!extraCa?.trim()) return '';
  // Node only warns of a file it cannot load ("Ignoring extra certs from ...") and trusts nothing more.
  if (!existsSync(extraCa))
    return `NODE_EXTRA_CA_CERTS names ${extraCa}, which does not exist, so Node trusted nothing more: name ${publicHost ? "the bundle holding your proxy's CA" : 'the certificate file the emulator printed'}, by its absolute path. `;
  const why = publicHost
    ? 'nor the authority it chains to (a TLS-inspecting proxy has one of its own)'
    : '(an emulator makes a new one at each start)';
  return `NODE_EXTRA_CA_CERTS names ${extraCa}, which does not hold the certificate this target serves ${why}: copy its PEM again, or append it to a copy of that bundle. `;
}
