import { ENTRA_ERRORS, entraErrorByCode } from '../../contract/entra-errors.ts';
import type { CredentialSpec } from '../config/credential-spec.ts';
import { isLoopback } from '../config/hosts.ts';
import { HarnessError } from '../errors.ts';
import { extraCaFix, isTrustLoss } from '../http/extra-ca-fix.ts';
import { PLAIN_HTTP_ANSWER } from '../http/fetch-error.ts';
import { CLIENT_ID_PLACEHOLDER, configuredClientIds } from '../redaction/configured-secrets.ts';
import { assertionTimeFix } from './assertion-time-fix.ts';
import { type Authority, authorityVariable } from './authority.ts';
import { AuthorityError } from './authority-answer.ts';
import { chainCertificateFileFix } from './chain-certificate-file.ts';
import { unreadNamesakesNote } from './chain-namesakes.ts';
import { CredentialDestinationError } from './credential-destination.ts';
import { extraEntraFix, federatedSignatureFix } from './entra-code-fixes.ts';
import { githubOidcFailure } from './github-oidc.ts';
import { TokenError } from './token-answer.ts';

// A token endpoint that refused to sign the app in. One line, no secret: the kind of sign-in, where,
// Entra ID's code, and what to check (src/contract/entra-errors.ts, the table the emulator answers from).
export class SignInError extends HarnessError {
  readonly code = 'SIGN_IN';
  readonly category = 'target';
  // The token endpoint answered and refused the app (a wrong secret, an unknown app): the configuration
  // is to fix, not the network. False when no answer came.
  refused = false;
  // What the suite's own token request met (a plain-http emulator's secret sign-in): the status that
  // came, else why none did; the preflight tells an https:// port's 400 by it (the cause is a redacted copy).
  exchange?: { status?: number; loss?: string };
}

// Entra ID quotes the app's id ("app '…'", "Application with identifier '…'", "Client app ID: …"), and the
// reports must never carry a client id. The resource's ("Resource app ID: …") stays: it names the API.
const QUOTED_APP_ID =
  /(?<!resource )(\b(?:app|application|client)(?: app)?(?: with)?(?:\s*id|\s+identifier)?\s*[:=]?\s*['"(]?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function signInError(error: unknown, spec: CredentialSpec, authority: Authority): SignInError {
  const where = `${authority.authBaseUrl}/${authority.tenantId}`;
  if (noChainCredential(error)) {
    const line = NO_CHAIN_CREDENTIAL.replace(/\)$/, `${unreadNamesakesNote()})`);
    const signIn = new SignInError(`${spec.kind} sign-in at ${where} failed: ${line}`, {
      cause: error,
    });
    signIn.refused = true;
    return signIn;
  }
  const detail = withoutClientIds(entraDetail(error), spec.clientId);
  const aadsts = /AADSTS(\d+)/.exec(detail)?.[1];
  // GitHub's OIDC endpoint, asked before Entra ID, and the authority's answer say themselves whether
  // they refused: an AADSTS code in a 5xx is a failing target.
  const github = spec.kind === 'github-oidc' ? githubOidcFailure(detail) : undefined;
  const chainFile = spec.kind === 'default' ? chainCertificateFileFix(error) : undefined;
  const refused = github
    ? github.refused
    : chainFile
      ? true
      : error instanceof AuthorityError
        ? error.refused
        : error instanceof CredentialDestinationError || !!aadsts || refusedByOAuth(error);
  const fix =
    github?.fix ??
    chainFile ??
    keyDatesFix(aadsts, detail) ??
    federatedSignatureFix(aadsts, spec.kind) ??
    (Number(aadsts) === ENTRA_ERRORS.assertionTimeRange.code
      ? assertionTimeFix(detail, spec.kind, authority.authBaseUrl)
      : undefined) ??
    fixFor(error, aadsts, refused, authority);
  const signIn = new SignInError(
    `${spec.kind} sign-in at ${where} failed: ${detail}${fix ? ` (${fix})` : ''}`,
    {
      cause: error,
    },
  );
  signIn.refused = refused;
  if (error instanceof TokenError)
    signIn.exchange = error.status === undefined ? { loss: error.reason } : { status: error.status };
  return signIn;
}

// MDE_CREDENTIAL=default where no credential of the chain is set up: @azure/identity's
// AggregateAuthenticationError, each of its errors a CredentialUnavailableError. Nothing was asked of the
// authority, so "check that the token endpoint is reachable" (exit 3) sent users to the network; it is
// configuration (exit 2). The chain's environment credential reads AZURE_TENANT_ID, not MDE_TENANT_ID.
const NO_CHAIN_CREDENTIAL =
  'no credential of the Azure default chain is set up on this machine (environment variables, workload identity, managed identity, Azure CLI, Azure PowerShell, Azure Developer CLI) (sign in with `az login`, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, or set MDE_CREDENTIAL to the way the app signs in: docs/tenant-sign-in.md)';

function noChainCredential(error: unknown): boolean {
  const errors = (error as { errors?: unknown } | undefined)?.errors;
  return (
    (error as Error | undefined)?.name === 'AggregateAuthenticationError' &&
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((inner) => (inner as Error | undefined)?.name === 'CredentialUnavailableError')
  );
}

// AADSTS700027 also covers a registered key used outside its dates ("[Reason - The key used is
// expired.]", "... not yet valid."): then the certificate is the right one, and uploading it again fixes nothing.
function keyDatesFix(aadsts: string | undefined, detail: string): string | undefined {
  if (Number(aadsts) !== ENTRA_ERRORS.invalidSignature.code) return undefined;
  const when = /The key used is (expired|not yet valid)/i.exec(detail)?.[1]?.toLowerCase();
  if (!when) return undefined;
  return when === 'expired'
    ? "the certificate the app registration holds has expired on the authority's clock (its dates are in the message): add a new certificate to the app registration and sign in with it"
    : "the certificate the app registration holds is not valid yet on the authority's clock (its dates are in the message): wait for its start, use one valid now, or check this machine's clock";
}

// What to check: the table's line for Entra ID's code, the variable where the code names one setting,
// else by what kind of failure it was.
function fixFor(
  error: unknown,
  aadsts: string | undefined,
  refused: boolean,
  authority: Authority,
): string | undefined {
  const authorityVar = authorityVariable(authority, 'authBaseUrl');
  const tenantVar = authorityVariable(authority, 'tenantId');
  if (aadsts) {
    if (Number(aadsts) === ENTRA_ERRORS.tenantNotFound.code) return `no such tenant: check ${tenantVar}`;
    const known = entraErrorByCode(aadsts)?.fix ?? extraEntraFix(Number(aadsts));
    if (known) return known;
    // A code the table does not hold: Entra ID's own page explains each.
    const lookUp = `see https://login.microsoftonline.com/error?code=${aadsts}`;
    return error instanceof AuthorityError ? `check ${tenantVar} and ${authorityVar}; ${lookUp}` : lookUp;
  }
  // Nothing to retry: the authority itself points elsewhere (a stand-in or an emulator set up so).
  if (error instanceof CredentialDestinationError)
    return `check ${authorityVar}: the token_endpoint of its /${authority.tenantId}/v2.0/.well-known/openid-configuration must be on its own origin`;
  if (error instanceof AuthorityError && error.answer.lost === PLAIN_HTTP_ANSWER)
    // As the API probe says it: on loopback (an emulator) the fix is the scheme; elsewhere the host.
    return isLoopback(authority.authBaseUrl)
      ? `set ${authorityVar}=${authority.authBaseUrl.replace(/^https:/, 'http:')}`
      : `check ${authorityVar}: Entra ID answers HTTPS`;
  if (error instanceof AuthorityError && refused) return `check ${tenantVar} and ${authorityVar}`;
  // The authority answered the handshake with a certificate: not a reach to check. One to trust is said
  // as the API's probe says it; one out of its dates or for another host already says what to fix.
  const lost = error instanceof AuthorityError ? error.answer.lost : undefined;
  if (lost?.startsWith('TLS certificate problem'))
    return isTrustLoss(lost)
      ? extraCaFix(lost, process.env.NODE_EXTRA_CA_CERTS, !isLoopback(authority.authBaseUrl))
      : undefined;
  return refused
    ? 'check the client id and its secret or certificate'
    : `check ${authorityVar} and that the token endpoint is reachable`;
}

// Refused, as opposed to unanswered or failing: an OAuth error about the client (RFC 6749 5.2) in a
// 400, 401 or 403. A 5xx, a 429 or a page that is no token endpoint is a target to check or retry.
// (@azure/identity's own errors carry Entra's AADSTS code when Entra refused; without it, they may be
// network failures dressed as 400s, so they count as unanswered.)
function refusedByOAuth(error: unknown): boolean {
  if (!(error instanceof TokenError) || ![400, 401, 403].includes(error.status ?? 0)) return false;
  return /^(invalid_client|unauthorized_client|invalid_grant|invalid_scope|invalid_request)\b/.test(
    error.reason,
  );
}

// Every configured client id, and whatever Entra ID quotes as an app id, becomes [CLIENT-ID]; the AADSTS
// code and the rest of the sentence stay.
function withoutClientIds(text: string, clientId: string | undefined): string {
  const ids = [
    ...(clientId ? [clientId, clientId.toLowerCase(), clientId.toUpperCase()] : []),
    ...configuredClientIds(),
  ];
  let out = text;
  for (const id of ids) if (id.length >= 6) out = out.split(id).join(CLIENT_ID_PLACEHOLDER);
  return out.replace(QUOTED_APP_ID, `$1${CLIENT_ID_PLACEHOLDER}`);
}

// The first sentence Entra ID gives (from "AADSTS..." to "Trace ID"), or the library's own message.
// msal-node prefixes it with "Error(s): N - Timestamp: ... - Description: ".
function entraDetail(error: unknown): string {
  if (error instanceof AuthorityError) return error.message;
  if (error instanceof TokenError) return `${error.reason}${error.status ? ` (${error.status})` : ''}`;
  const response = (error as { errorResponse?: { error?: string; errorDescription?: string } }).errorResponse;
  const text = response?.errorDescription || (error as Error)?.message || String(error);
  const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n|$))/.exec(text)?.[0];
  if (aadsts) return aadsts.trim();
  const first = text.split(/\r?\n|Trace ID:/)[0]!.trim();
  return response?.error && !first.startsWith(response.error) ? `${response.error}: ${first}` : first;
}
