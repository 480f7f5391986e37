import type { JWTPayload } from 'jose';
import { EntraRefusal, entraInstant } from './entra-error.ts';

// Checks every client assertion shares, certificate or federated: the claims Entra ID requires and the
// lifetime, on the emulator's virtual clock.

// Microsoft.IdentityModel's default clock skew (TokenValidationParameters.DefaultClockSkew, 5 minutes).
const CLOCK_SKEW_SECONDS = 300;

export const CERTIFICATE_DOCS =
  'Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .';

export function requireClaims(claims: JWTPayload, names: readonly string[]): void {
  for (const name of names)
    if (claims[name] === undefined || claims[name] === null || claims[name] === '')
      throw new EntraRefusal(
        'assertionClaimMissing',
        `The required field '${name}' is missing from the credential. Ensure that you have all the ` +
          'necessary parameters for the login request.',
      );
}

// exp is required (requireClaims); nbf, when absent, is iat, or no lower bound at all.
export function requireWithinLifetime(claims: JWTPayload, nowMs: number): void {
  const now = nowMs / 1000;
  const exp = Number(claims.exp);
  const nbf = Number(claims.nbf ?? claims.iat ?? 0);
  if (!(now < exp + CLOCK_SKEW_SECONDS) || now < nbf - CLOCK_SKEW_SECONDS)
    throw new EntraRefusal(
      'assertionTimeRange',
      `Client assertion is not within its valid time range. Current time: ${entraInstant(nowMs)}, ` +
        `assertion valid from ${entraInstant(nbf * 1000)}, expiry time of assertion ` +
        `${entraInstant(exp * 1000)}. ${CERTIFICATE_DOCS}`,
    );
}
