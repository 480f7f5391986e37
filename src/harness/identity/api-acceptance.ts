import type { TenantTarget } from '../config/target-spec.ts';
import { defaultTenantScope } from '../config/tenant-scope.ts';
import { ApiAccessError } from '../errors.ts';
import { type RawResponse, sendRaw } from '../http/raw-request.ts';
import { readJwt } from './jwt-claims.ts';

// A token is no proof that the API takes it: an app without admin-consented roles, or one asking for
// another resource's scope, gets one all the same, and the tests would then read the API's lawful 403
// or 401 as failures (CANCEL.NOTFOUND "expected 404, got 403"). So the preflight reads once with it: the
// list of one action, which the tenant driver needs anyway, needs Machine.Read.All and changes nothing.
export async function checkApiTakesToken(
  spec: TenantTarget,
  accessToken: string,
  timeoutMs: number,
): Promise<void> {
  const { url, answer } = await listOneWith(spec.apiBaseUrl, accessToken, timeoutMs);
  if (answer?.status !== 401 && answer?.status !== 403) return;
  const code = errorCode(answer.text);
  const apiScope = defaultTenantScope(spec.apiBaseUrl);
  // The scope names the token's audience: a 401 (or, by the contract, a 403) for a token of another one.
  const scope =
    spec.scope === apiScope
      ? `check MDE_SCOPE, the token's audience: the API's scope is ${apiScope}`
      : `check MDE_SCOPE, the token's audience: it asks for ${spec.scope}, the API's scope is ${apiScope}`;
  const fix =
    answer.status === 401
      ? scope
      : `grant the app the application permissions Machine.Read.All and Machine.Scan of WindowsDefenderATP, with admin consent${heldRoles(accessToken)}${spec.scope === apiScope ? '' : `; and ${scope}`}`;
  throw new ApiAccessError(
    `GET ${url} answered ${answer.status}${code ? ` ${code}` : ''} to the operator app's token: ${fix}`,
  );
}

// What the token holds, where its claims say: a walk's app granted Machine.Scan alone was told to grant
// both roles, with nothing saying which one it lacked. Role names only; never the token.
function heldRoles(accessToken: string): string {
  const roles = readJwt(accessToken)?.claims['roles'];
  if (!Array.isArray(roles)) return '';
  const names = roles.filter(
    (role): role is string => typeof role === 'string' && /^[\w.]{1,64}$/.test(role),
  );
  return ` (the token's roles: ${names.join(', ') || 'none'})`;
}

// The list of one action read with a token: what both preflights ask of the API. No answer when it was
// lost on the wire: each test's exchange says so, as without the check.
export async function listOneWith(
  apiBaseUrl: string,
  accessToken: string,
  timeoutMs: number,
): Promise<{ url: string; answer?: RawResponse }> {
  const url = `${apiBaseUrl}/api/machineactions?$top=1`;
  try {
    const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
    return { url, answer: await sendRaw({ url, method: 'GET', headers, timeoutMs }) };
  } catch {
    return { url };
  }
}

// The API's error.code, when the answer has the error envelope and the code is a plain word.
export function errorCode(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } })?.error?.code;
    return typeof code === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}
