import { GITHUB_OIDC_AUDIENCE } from '../config/credential-spec.ts';
import { readEnv } from '../config/read-env.ts';
import { registerSecret } from '../redaction/redact.ts';

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
  const response = await fetch(request, {
    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GitHub's OIDC endpoint answered ${response.status}`);
  const value = ((await response.json()) as { value?: unknown }).value;
  if (typeof value !== 'string' || !value) throw new Error("GitHub's OIDC endpoint answered no token");
  registerSecret(value);
  return value;
}
