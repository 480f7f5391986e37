// Entra ID's token errors about a client assertion, a certificate's or a federated token's: its form, its
// claims, its signature, and the federated credentials that must trust it. Part of ENTRA_ERRORS
// (entra-errors.ts), which the emulator answers from and the harness explains by.
import { FIC, MSAL_NET_MOCKS, REF } from './entra-error-sources.ts';
import type { EntraError } from './entra-errors.ts';

export const ENTRA_ASSERTION_ERRORS = {
  malformedAssertion: {
    code: 50027,
    error: 'invalid_request',
    status: 400,
    meaning: 'the client assertion is not a well-formed JWT',
    fix: 'the assertion is not a JWT: check what the token file or callback returns',
    source: `${REF}; ${MSAL_NET_MOCKS}`,
  },
  assertionClaimMissing: {
    code: 90014,
    error: 'invalid_request',
    status: 400,
    meaning: 'a required claim (iss, sub, aud, exp, jti) is missing from the client assertion',
    fix: 'the assertion lacks a required claim: see the message',
    source: `${REF}; ${MSAL_NET_MOCKS}`,
  },
  assertionWithoutThumbprint: {
    code: 5002723,
    error: 'invalid_client',
    status: 401,
    meaning: 'a certificate assertion names no certificate (no x5t, x5t#S256 or kid header)',
    fix: 'sign the assertion with x5t#S256 (or x5t) in its header',
    source: MSAL_NET_MOCKS,
  },
  assertionAlgorithm: {
    code: 5002738,
    error: 'invalid_client',
    status: 401,
    meaning: 'the assertion is signed with an algorithm that is not supported',
    fix: 'sign the assertion with RS256 or PS256',
    source: MSAL_NET_MOCKS,
  },
  invalidSignature: {
    code: 700027,
    error: 'invalid_client',
    status: 401,
    meaning:
      'the client assertion is not signed by a key the app registration (or its issuer) holds, or that key is expired',
    fix: 'the assertion is not signed by a certificate the app registration holds: upload the certificate, or check the issuer keys',
    source: `${REF}; AzureAD/microsoft-authentication-library-for-js#3741; microsoft/azure-tools-for-java#2785 (expired key)`,
  },
  assertionClientMismatch: {
    code: 700021,
    error: 'invalid_client',
    status: 401,
    meaning: "the assertion's iss and sub are not the client id",
    fix: 'a certificate assertion needs iss = sub = the client id',
    source: MSAL_NET_MOCKS,
  },
  assertionAudience: {
    code: 700023,
    error: 'invalid_client',
    status: 401,
    meaning: "the assertion's aud is not this tenant's token endpoint",
    fix: 'set the assertion audience to the token endpoint of the tenant',
    source: 'Azure/azure-sdk-for-js sdk/identity/identity/TROUBLESHOOTING.md',
  },
  assertionTimeRange: {
    code: 700024,
    error: 'invalid_client',
    status: 401,
    meaning: 'the client assertion is expired or not yet valid',
    fix: 'the assertion is expired or not yet valid: check the clock, or renew the federated token',
    source: MSAL_NET_MOCKS,
  },
  federatedIssuerMismatch: {
    code: 700211,
    error: 'invalid_client',
    status: 401,
    meaning: "no federated credential of the app trusts the assertion's issuer",
    fix: 'no federated credential of the app has this issuer: check the credential issuer',
    source: FIC,
  },
  federatedAudienceMismatch: {
    code: 700212,
    error: 'invalid_client',
    status: 401,
    meaning: "no federated credential of the app accepts the assertion's audience",
    fix: 'request the federated token for the audience of the credential (api://AzureADTokenExchange)',
    source: FIC,
  },
  federatedSubjectMismatch: {
    code: 700213,
    error: 'invalid_client',
    status: 401,
    meaning: "no federated credential of the app has the assertion's subject (compared case-sensitively)",
    fix: 'no federated credential of the app has this subject: check the credential subject (case-sensitive)',
    source: FIC,
  },
  noMatchingFederatedRecord: {
    code: 70021,
    error: 'invalid_request',
    status: 400,
    meaning: 'no federated credential matches the issuer, subject and audience (older, combined form)',
    fix: 'no federated credential of the app matches the token: check its issuer, subject and audience',
    source: 'Azure/azure-workload-identity#616',
    emulated: false,
  },
} as const satisfies Record<string, EntraError>;
