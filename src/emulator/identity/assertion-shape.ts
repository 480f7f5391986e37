import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { EntraRefusal } from './entra-error.ts';

// The JSON types of the header parameters and claims the assertion checks read (RFC 7515 section 4.1,
// RFC 7519 section 4.1). A JWT is only base64url JSON, so a claim may be any value: an `iss` of
// {"toString": 1} decoded fine and then threw where a check or a message turned it into text, and the
// token endpoint answered 500. Such an assertion is malformed, as Entra ID says (AADSTS50027), and the
// message names the member to fix. Absent and null members pass: requireClaims names a missing one.

const TEXT_HEADERS = ['alg', 'kid', 'x5t', 'x5t#S256'] as const;
const TEXT_CLAIMS = ['iss', 'sub', 'jti'] as const;
const TIME_CLAIMS = ['exp', 'nbf', 'iat'] as const;

export function requireAssertionShape(header: ProtectedHeaderParameters, claims: JWTPayload): void {
  for (const name of TEXT_HEADERS)
    if (given(header[name]) && typeof header[name] !== 'string')
      malformed(`header parameter '${name}'`, 'a string');
  for (const name of TEXT_CLAIMS)
    if (given(claims[name]) && typeof claims[name] !== 'string') malformed(`claim '${name}'`, 'a string');
  for (const name of TIME_CLAIMS)
    if (given(claims[name]) && typeof claims[name] !== 'number')
      malformed(`claim '${name}'`, 'a number of seconds since 1970 (NumericDate)');
  const aud = claims.aud;
  if (given(aud) && !isText(aud) && !(Array.isArray(aud) && aud.every(isText)))
    malformed("claim 'aud'", 'a string or an array of strings');
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function malformed(member: string, what: string): never {
  throw new EntraRefusal(
    'malformedAssertion',
    `JWT token is invalid or malformed: its ${member} must be ${what}.`,
  );
}
