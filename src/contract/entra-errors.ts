// Microsoft Entra ID's token errors (AADSTS codes) as the emulator answers them and the harness explains
// them: the code, the OAuth error, the HTTP status, what it means and what to check. Codes and names from
// "Microsoft Entra authentication and authorization error codes"
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); the OAuth error and status
// of each from answers of Entra ID recorded where `source` says. None is made up: a code the emulator
// never answers (`emulated: false`) is here because a real tenant answers it and users meet it.
import { ENTRA_ASSERTION_ERRORS } from './entra-assertion-errors.ts';
import { MSAL_NET_MOCKS, REF } from './entra-error-sources.ts';

export interface EntraError {
  code: number;
  // RFC 6749 5.2 `error` of the answer.
  error: string;
  status: 400 | 401;
  meaning: string;
  // What to check, in a line; never names a secret.
  fix: string;
  // Where the error and status were seen in an answer of Entra ID.
  source: string;
  // false: a real tenant answers it, the emulator does not (yet).
  emulated?: false;
}

export const ENTRA_ERRORS = {
  tenantNotFound: {
    code: 90002,
    error: 'invalid_request',
    status: 400,
    meaning: 'no tenant with this id (the discovery document answers the same code as invalid_tenant)',
    fix: 'no such tenant: check the tenant id',
    source: `${REF}; Azure/azure-sdk-for-js recordings; Azure/azure-cli#22145`,
  },
  grantNotOnCommon: {
    code: 90010,
    error: 'invalid_request',
    status: 400,
    meaning: 'the client-credentials grant is not served on /common or /consumers',
    fix: 'sign in at the tenant id, not at common',
    source: MSAL_NET_MOCKS,
  },
  malformedDiscoveryRequest: {
    code: 50050,
    error: 'invalid_request',
    status: 400,
    meaning: 'the instance discovery request is malformed (no usable authorization_endpoint)',
    fix: 'ask /common/discovery/instance with authorization_endpoint=https://<host>/<tenant>/oauth2/v2.0/authorize',
    source: REF,
  },
  appNotFound: {
    code: 700016,
    error: 'unauthorized_client',
    status: 400,
    meaning: 'no application with this client id in the tenant',
    fix: 'no app with this client id in the tenant: check the client id and the tenant id',
    source: `${REF}; learn.microsoft.com/troubleshoot (Azure fence agent, "http error: 400")`,
  },
  invalidClientSecret: {
    code: 7000215,
    error: 'invalid_client',
    status: 401,
    meaning: 'the client secret is wrong',
    fix: 'the client secret is wrong: use the secret value (not its id) the app registration holds',
    source: `${REF}; learn.microsoft.com Azure Arc troubleshooting ("HTTPReturnCode:401")`,
  },
  expiredClientSecret: {
    code: 7000222,
    error: 'invalid_client',
    status: 401,
    meaning: 'the client secret has expired',
    fix: 'the client secret has expired: create a new one',
    source: REF,
    emulated: false,
  },
  credentialMissing: {
    code: 7000218,
    error: 'invalid_client',
    status: 401,
    meaning: "the request carries neither 'client_assertion' nor 'client_secret'",
    fix: 'send a client secret, a certificate or a federated token',
    source: `${REF}; learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218`,
  },
  missingParameter: {
    code: 900144,
    error: 'invalid_request',
    status: 400,
    meaning: 'a required parameter of the request is missing',
    fix: 'the token request lacks a parameter: see the message',
    source: REF,
  },
  duplicatedParameter: {
    code: 9000411,
    error: 'invalid_request',
    status: 400,
    meaning: 'a parameter appears more than once in the request',
    fix: 'send each parameter once: a library option or a field added by hand repeats one',
    source:
      'AzureAD/microsoft-authentication-library-for-android#688 (AADSTS9000411, "The parameter ... is duplicated"); RFC 6749 3.2 and 5.2 (a repeated parameter is invalid_request, 400)',
  },
  unsupportedGrantType: {
    code: 70003,
    error: 'unsupported_grant_type',
    status: 400,
    meaning: 'the grant type is not supported',
    fix: 'use grant_type=client_credentials',
    source: REF,
  },
  invalidScope: {
    code: 1002012,
    error: 'invalid_scope',
    status: 400,
    meaning: 'a client-credentials scope must be the resource followed by /.default',
    fix: 'ask for <resource>/.default, e.g. https://api.securitycenter.microsoft.com/.default',
    source: 'AzureAD/microsoft-identity-web (ClientCredentials comments)',
  },
  // Last, where they stood before they had a file of their own: the table keeps its order.
  ...ENTRA_ASSERTION_ERRORS,
} as const satisfies Record<string, EntraError>;

export type EntraErrorName = keyof typeof ENTRA_ERRORS;

// The entry for an AADSTS number, e.g. from "AADSTS7000215: Invalid client secret provided."
export function entraErrorByCode(code: number | string): EntraError | undefined {
  const wanted = Number(String(code).replace(/^AADSTS/i, ''));
  return Object.values(ENTRA_ERRORS).find((entry) => entry.code === wanted);
}
