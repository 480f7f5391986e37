import { GITHUB_OIDC_AUDIENCE } from '../config/credential-spec.ts';
import { readEnv } from '../config/read-env.ts';
import { MAX_ANSWER_BYTES } from '../http/answer-limit.ts';
import { boundedText } from '../http/bounded-text.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { registerSecret } from '../redaction/redact.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';

// Each failure is told by how its message begins: @azure/identity passes on the message of an
// assertion callback's error, not the error.
const ENDPOINT = "GitHub's OIDC endpoint";
const REFUSED = `${ENDPOINT} refused the job's OIDC request token or URL`;

// The GitHub Actions job's OIDC token for Entra ID's audience, exchanged at the token endpoint with no
// stored secret. The job needs `permissions: id-token: write`, which sets the two variables.
export async function githubOidcToken(env = readEnv()): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer)
    throw new Error(
      'ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are not set: add `permissions: id-token: write` to the job',
    );
  registerSecret(bearer);
  const request = new URL(url);
  request.searchParams.set('audience', GITHUB_OIDC_AUDIENCE);
  let response: Response;
  try {
    response = await fetch(request, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`${ENDPOINT} does not answer: ${describeFetchError(error)}`);
  }
  // 401 or 403: the request token is not (or no longer) one GitHub gave this job for an id token.
  if (response.status === 401 || response.status === 403) throw new Error(`${REFUSED} (${response.status})`);
  if (!response.ok) throw new Error(`${ENDPOINT} answered ${response.status}`);
  // A body that stops (cut, or stalled past the 10 s) or overflows is told as such: "no token" would send
  // the reader to the answer's content, which never arrived whole.
  let text: string | undefined;
  try {
    text = await boundedText(response);
  } catch (error) {
    throw new Error(
      `${ENDPOINT} answered ${response.status} but its body did not arrive whole: ${describeFetchError(error)}`,
    );
  }
  if (text === undefined)
    throw new Error(
      `${ENDPOINT} answered ${response.status} with a body over ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, which no token is`,
    );
  const value = tokenOf(text);
  if (typeof value !== 'string' || !value)
    throw new Error(`${ENDPOINT} answered ${response.status} with no token`);
  // Redacted, and fingerprinted as every issued token is: the leak scan then finds a copy of it in any
  // artefact, a cut or decoded one too, not only what still has a JWT's shape.
  recordIssuedSecret(value);
  return value;
}

// The token of an answer `{"value": "..."}`; one not JSON (a proxy's page) has none, and is told as
// GitHub's, not as the authority's.
function tokenOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { value?: unknown } | null)?.value;
  } catch {
    return undefined;
  }
}

// What to check after a failure of githubOidcToken, given the message a sign-in error carries; whether
// GitHub refused (configuration to fix) or failed. Undefined for any other message.
export function githubOidcFailure(message: string): { refused: boolean; fix: string } | undefined {
  if (message.startsWith(REFUSED))
    return {
      refused: true,
      fix: "check the workflow's `permissions: id-token: write`, and that ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN are the ones GitHub set for this job",
    };
  if (message.startsWith(ENDPOINT))
    return {
      refused: false,
      fix: 'check ACTIONS_ID_TOKEN_REQUEST_URL and that GitHub Actions is up, then run the job again',
    };
  return undefined;
}
