import { DEFAULT_SCOPE } from '../../contract/index.ts';
import { TargetAnswerError } from '../errors.ts';
import { errorCode, listOneWith } from '../identity/api-acceptance.ts';
import { readJwt } from '../identity/jwt-claims.ts';

const TOKEN_DOC = 'docs/interfaces.md#emulator-token-endpoint';

// An emulator whose API refused every token its token endpoint issued (a proxy that dropped the
// Authorization header, an API checking another key or audience) failed 54 tests, each "→ 401:
// expected status 200": nothing can be judged through it. The preflight reads once with the token of
// its throw-away app (Machine.Read.All), as a tenant's preflight does; any answer but 401 or 403 is
// the tests' to judge.
export async function checkEmulatorApiTakesToken(
  apiBaseUrl: string,
  accessToken: string,
  timeoutMs: number,
  scope: string = DEFAULT_SCOPE,
): Promise<void> {
  const { url, answer } = await listOneWith(apiBaseUrl, accessToken, timeoutMs);
  if (answer?.status !== 401 && answer?.status !== 403) return;
  const code = errorCode(answer.text);
  const given = 'to a token the token endpoint had just issued to an app registered with Machine.Read.All';
  if (answer.status === 401)
    throw new TargetAnswerError(
      url,
      `answered 401${code ? ` ${code}` : ''} ${given}`,
      `The API must take the tokens its token endpoint issues: check the key it verifies them with, their aud (the scope without /.default) and that the Authorization header reaches it (${TOKEN_DOC})`,
    );
  const roles = `A list needs Machine.Read.All: the API must read the app's roles from the token's roles claim (${TOKEN_DOC})`;
  // A token of an audience the API does not serve is lawfully refused with 403: MDE_SCOPE, if it asks
  // for another one, is the likelier cause than the API; so is a token the endpoint got wrong itself.
  const fix =
    scope === DEFAULT_SCOPE
      ? (tokenFault(accessToken, scope) ?? roles)
      : `MDE_SCOPE asks for ${scope}, and a token of an audience the API does not serve is refused with 403 (docs/contract.md#audience): leave it unset for ${DEFAULT_SCOPE}. Otherwise: ${roles}`;
  throw new TargetAnswerError(url, `answered 403${code ? ` ${code}` : ''} ${given}`, fix);
}

// What the token endpoint itself got wrong, read from the token's claims: an aud other than the scope
// without /.default (refused with 403 as a token of another audience), or no Machine.Read.All in roles.
function tokenFault(accessToken: string, scope: string): string | undefined {
  const claims = readJwt(accessToken)?.claims;
  if (!claims) return undefined;
  const expected = scope.replace(/\/\.default$/, '');
  const aud = claims.aud;
  const auds = Array.isArray(aud) ? aud : [aud];
  if (aud !== undefined && !auds.includes(expected))
    return `The token's aud claim is ${JSON.stringify(aud)}, not the scope without /.default (${expected}), and a token of an audience the API does not serve is refused with 403 (docs/contract.md#audience): the token endpoint must issue aud ${expected} (${TOKEN_DOC})`;
  const held = claims.roles;
  if (!Array.isArray(held) || !held.includes('Machine.Read.All'))
    return `The token's roles claim does not hold Machine.Read.All: the token endpoint must put the roles the app was registered with in the roles claim (${TOKEN_DOC})`;
  return undefined;
}
