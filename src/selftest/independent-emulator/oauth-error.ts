import { randomUUID } from 'node:crypto';
import type { Answer } from './answer.ts';

// Entra ID's token errors that this emulator answers (docs/interfaces.md#token-errors): the AADSTS code,
// the OAuth error and the status Entra ID gives each.
const OAUTH_ERRORS = {
  tenantNotFound: { code: 90002, error: 'invalid_request', status: 400 },
  appNotFound: { code: 700016, error: 'unauthorized_client', status: 400 },
  wrongSecret: { code: 7000215, error: 'invalid_client', status: 401 },
  noCredential: { code: 7000218, error: 'invalid_client', status: 401 },
  missingParameter: { code: 900144, error: 'invalid_request', status: 400 },
  unsupportedGrant: { code: 70003, error: 'unsupported_grant_type', status: 400 },
  badScope: { code: 1002012, error: 'invalid_scope', status: 400 },
} as const;

export type OAuthErrorKind = keyof typeof OAUTH_ERRORS;

// Shaped as Entra ID shapes it; never a Retry-After, never an echo of a secret.
export function oauthError(
  kind: OAuthErrorKind,
  message: string,
  nowMs: number,
  correlationId: string | undefined,
): Answer {
  const { code, error, status } = OAUTH_ERRORS[kind];
  const traceId = randomUUID();
  const correlation = correlationId ?? randomUUID();
  const stamp = new Date(nowMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    headers: { 'Cache-Control': 'no-store, no-cache' },
    json: {
      error,
      error_description: `AADSTS${code}: ${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${stamp}`,
      error_codes: [code],
      timestamp: stamp,
      trace_id: traceId,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
