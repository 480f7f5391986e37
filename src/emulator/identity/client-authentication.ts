import { createHash, timingSafeEqual } from 'node:crypto';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { decodeJwt } from 'jose/jwt/decode';
import type { AppRegistration } from '../state/app-registry.ts';
import { requireClaims } from './assertion-claims.ts';
import { requireAssertionShape } from './assertion-shape.ts';
import { verifyCertificateAssertion } from './certificate-assertion.ts';
import { EntraRefusal } from './entra-error.ts';
import { verifyFederatedAssertion } from './federated-assertion.ts';

// How a confidential client proves who it is at the token endpoint: a client secret, or a client
// assertion (RFC 7523) that is either signed with the app's certificate (iss = the client id) or a
// federated token of another issuer. Throws an EntraRefusal; returns how the client signed in.

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type ClientCredentialKind = 'secret' | 'certificate' | 'federated';

export interface ClientAuthentication {
  app: AppRegistration;
  form: URLSearchParams;
  // Audiences a certificate assertion may name (authority.ts).
  audiences: string[];
  nowMs: number;
}

export async function authenticateClient(input: ClientAuthentication): Promise<ClientCredentialKind> {
  const { app, form } = input;
  const assertion = form.get('client_assertion');
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== JWT_BEARER)
      throw new EntraRefusal(
        'credentialMissing',
        `The request body must contain the following parameter: 'client_assertion_type' with the value '${JWT_BEARER}'.`,
      );
    return verifyAssertion(assertion, input);
  }
  const secret = form.get('client_secret');
  if (secret === null || secret === '')
    throw new EntraRefusal(
      'credentialMissing',
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (!app.clientSecret || !sameSecret(secret, app.clientSecret))
    throw new EntraRefusal(
      'invalidClientSecret',
      'Invalid client secret provided. Ensure the secret being sent in the request is the client secret ' +
        `value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  return 'secret';
}

async function verifyAssertion(jwt: string, input: ClientAuthentication): Promise<ClientCredentialKind> {
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(jwt);
    claims = decodeJwt(jwt);
  } catch {
    throw new EntraRefusal('malformedAssertion', 'JWT token is invalid or malformed.');
  }
  requireAssertionShape(header, claims);
  requireClaims(claims, ['iss']);
  // Entra tells the two apart by the issuer: the app itself signs a certificate assertion.
  if (String(claims.iss).toLowerCase() === input.app.clientId.toLowerCase()) {
    await verifyCertificateAssertion(jwt, header, claims, input);
    return 'certificate';
  }
  await verifyFederatedAssertion(jwt, claims, input.app, input.nowMs);
  return 'federated';
}

// Compared in constant time, so the answer's timing says nothing about the secret.
function sameSecret(given: string, registered: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(registered));
}
