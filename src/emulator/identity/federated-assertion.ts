import type { JSONWebKeySet, JWTPayload } from 'jose';
import * as errors from 'jose/errors';
import { createLocalJWKSet } from 'jose/jwks/local';
import { compactVerify } from 'jose/jws/compact/verify';
import type { ControlFederatedCredential } from '../../contract/control-protocol.ts';
import type { AppRegistration } from '../state/app-registry.ts';
import { requireClaims, requireWithinLifetime } from './assertion-claims.ts';
import { EntraRefusal } from './entra-error.ts';

// A token of another identity provider (GitHub Actions, Kubernetes, ...) exchanged under workload
// identity federation (learn.microsoft.com/entra/workload-id/workload-identity-federation): issuer,
// subject and audience must match one of the app's federated credentials exactly (case-sensitive since
// 2025), and the signature must verify against that credential's keys.

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const FIC_DOCS =
  'Please check your federated identity credential Subject, Audience and Issuer against the presented ' +
  'assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation';

export async function verifyFederatedAssertion(
  jwt: string,
  claims: JWTPayload,
  app: AppRegistration,
  nowMs: number,
): Promise<void> {
  requireClaims(claims, ['sub', 'aud', 'exp']);
  const credential = matchingCredential(app.federatedCredentials ?? [], claims);
  try {
    await compactVerify(jwt, createLocalJWKSet(credential.jwks as JSONWebKeySet), { algorithms: ALGORITHMS });
  } catch (error) {
    const reason =
      error instanceof errors.JWKSNoMatchingKey
        ? 'The key was not found.'
        : 'Key was found, but use of the key to verify the signature failed.';
    throw new EntraRefusal(
      'invalidSignature',
      `Client assertion contains an invalid signature. [Reason - ${reason}, Please visit the Azure ` +
        `Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
    );
  }
  requireWithinLifetime(claims, nowMs);
}

// Entra names the first part that matches no credential: issuer, then subject, then audience.
function matchingCredential(
  credentials: ControlFederatedCredential[],
  claims: JWTPayload,
): ControlFederatedCredential {
  const byIssuer = credentials.filter((c) => c.issuer === claims.iss);
  if (byIssuer.length === 0)
    throw new EntraRefusal(
      'federatedIssuerMismatch',
      `No matching federated identity record found for presented assertion issuer '${claims.iss}'. ${FIC_DOCS}`,
    );
  const bySubject = byIssuer.filter((c) => c.subject === claims.sub);
  if (bySubject.length === 0)
    throw new EntraRefusal(
      'federatedSubjectMismatch',
      `No matching federated identity record found for presented assertion subject '${claims.sub}'. ${FIC_DOCS}`,
    );
  const match = bySubject.find((c) => sameAudience(claims.aud, c.audiences));
  if (!match)
    throw new EntraRefusal(
      'federatedAudienceMismatch',
      `No matching federated identity record found for presented assertion audience '${[claims.aud].flat().join(', ')}'. ${FIC_DOCS}`,
    );
  return match;
}

// Exactly, as the issuer and the subject: Entra stopped ignoring case in all three (its breaking-changes
// reference). authority.ts's audienceMatches, which ignores case and a trailing
// slash, is for a certificate assertion's token endpoint.
function sameAudience(aud: unknown, audiences: string[]): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some((value) => typeof value === 'string' && audiences.includes(value));
}
