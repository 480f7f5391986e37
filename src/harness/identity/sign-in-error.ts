import type { CredentialSpec } from '../config/credential-spec.ts';
import { HarnessError } from '../errors.ts';
import { TokenError } from './client-secret-flow.ts';
import type { Authority } from './token-source.ts';

// What to check for the refusals a sign-in meets most; the code is Entra ID's AADSTS number.
const FIXES: Record<string, string> = {
  '7000215': 'the client secret is wrong: check the secret the app registration holds',
  '7000222': 'the client secret has expired: create a new one',
  '700016': 'no app with this client id in the tenant: check the client id and the tenant id',
  '90002': 'no such tenant: check MDE_TENANT_ID',
  '700027': 'the assertion is not signed by a certificate the app registration holds: upload the certificate',
  '70021': 'no federated credential of the app matches the token: check its issuer, subject and audience',
  '700024': 'the assertion is expired or not yet valid: check the clock, or renew the federated token',
};

// A token endpoint that refused to sign the app in. One line, no secret: the kind of sign-in, where,
// Entra ID's code and what to check.
export class SignInError extends HarnessError {
  readonly code = 'SIGN_IN';
  readonly category = 'target';
}

export function signInError(error: unknown, spec: CredentialSpec, authority: Authority): SignInError {
  const detail = entraDetail(error);
  const aadsts = /AADSTS(\d+)/.exec(detail)?.[1];
  const fix = aadsts ? FIXES[aadsts] : undefined;
  const where = `${authority.authBaseUrl}/${authority.tenantId}`;
  return new SignInError(`${spec.kind} sign-in at ${where} failed: ${detail}${fix ? ` (${fix})` : ''}`, {
    cause: error,
  });
}

// The first sentence Entra ID gives (before "Trace ID"), or the library's own message.
function entraDetail(error: unknown): string {
  if (error instanceof TokenError) return `${error.reason}${error.status ? ` (${error.status})` : ''}`;
  const response = (error as { errorResponse?: { error?: string; errorDescription?: string } }).errorResponse;
  const text = response?.errorDescription || (error as Error)?.message || String(error);
  const first = text.split(/\r?\n|Trace ID:/)[0]!.trim();
  return response?.error && !first.startsWith('AADSTS') ? `${response.error}: ${first}` : first;
}
