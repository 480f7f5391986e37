import { entraErrorByCode } from '../../contract/entra-errors.ts';
import type { CredentialSpec } from '../config/credential-spec.ts';
import { HarnessError } from '../errors.ts';
import { TokenError } from './client-secret-flow.ts';
import type { Authority } from './token-source.ts';

// A token endpoint that refused to sign the app in. One line, no secret: the kind of sign-in, where,
// Entra ID's code, and what to check (src/contract/entra-errors.ts, the table the emulator answers from).
export class SignInError extends HarnessError {
  readonly code = 'SIGN_IN';
  readonly category = 'target';
}

export function signInError(error: unknown, spec: CredentialSpec, authority: Authority): SignInError {
  const detail = entraDetail(error);
  const aadsts = /AADSTS(\d+)/.exec(detail)?.[1];
  const fix = aadsts ? entraErrorByCode(aadsts)?.fix : undefined;
  const where = `${authority.authBaseUrl}/${authority.tenantId}`;
  return new SignInError(`${spec.kind} sign-in at ${where} failed: ${detail}${fix ? ` (${fix})` : ''}`, {
    cause: error,
  });
}

// The first sentence Entra ID gives (from "AADSTS..." to "Trace ID"), or the library's own message.
// msal-node prefixes it with "Error(s): N - Timestamp: ... - Description: ".
function entraDetail(error: unknown): string {
  if (error instanceof TokenError) return `${error.reason}${error.status ? ` (${error.status})` : ''}`;
  const response = (error as { errorResponse?: { error?: string; errorDescription?: string } }).errorResponse;
  const text = response?.errorDescription || (error as Error)?.message || String(error);
  const aadsts = /AADSTS\d+:[^\r\n]*?(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n|$))/.exec(text)?.[0];
  if (aadsts) return aadsts.trim();
  const first = text.split(/\r?\n|Trace ID:/)[0]!.trim();
  return response?.error && !first.startsWith(response.error) ? `${response.error}: ${first}` : first;
}
