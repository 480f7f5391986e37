import { issuerV1, issuerV2 } from './authority.ts';

// The OpenID Connect discovery documents, member for member as Entra ID publishes them for a tenant
// (https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration and the v1.0
// document without /v2.0; fields as printed in Azure/azure-workload-identity#682), with every endpoint
// on the emulator's origin and the issuers named as Entra names them. For common/organizations the
// issuer holds the literal {tenantid}, as Entra's does.

const AUTH_METHODS = ['client_secret_post', 'private_key_jwt', 'client_secret_basic'];
const RESPONSE_MODES = ['query', 'fragment', 'form_post'];
const CLAIMS_COMMON = [
  'sub',
  'iss',
  'cloud_instance_name',
  'cloud_instance_host_name',
  'cloud_graph_host_name',
];
const CLOUD = {
  cloud_instance_name: 'microsoftonline.com',
  cloud_graph_host_name: 'graph.windows.net',
  msgraph_host: 'graph.microsoft.com',
  rbac_url: 'https://pas.windows.net',
};

export function openIdConfigurationV2(origin: string, tenant: string, meta: boolean) {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: RESPONSE_MODES,
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerV2(meta ? '{tenantid}' : tenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      ...CLAIMS_COMMON,
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: meta ? null : 'WW',
    ...CLOUD,
  };
}

export function openIdConfigurationV1(origin: string, tenant: string, meta: boolean) {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/token`,
    token_endpoint_auth_methods_supported: AUTH_METHODS,
    jwks_uri: `${origin}/common/discovery/keys`,
    response_modes_supported: RESPONSE_MODES,
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    scopes_supported: ['openid'],
    issuer: issuerV1(meta ? '{tenantid}' : tenant),
    microsoft_multi_refresh_token: true,
    authorization_endpoint: `${base}/oauth2/authorize`,
    device_authorization_endpoint: `${base}/oauth2/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/logout`,
    claims_supported: [
      ...CLAIMS_COMMON,
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'amr',
      'nonce',
      'email',
      'given_name',
      'family_name',
      'nickname',
    ],
    check_session_iframe: `${base}/oauth2/checksession`,
    userinfo_endpoint: `${base}/openid/userinfo`,
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: meta ? null : 'WW',
    ...CLOUD,
  };
}

// The clouds Entra's instance discovery lists after the one asked about (recorded answers of
// login.microsoftonline.com/common/discovery/instance in Azure/azure-sdk-for-js).
export const MICROSOFT_CLOUDS = [
  {
    preferred_network: 'login.microsoftonline.com',
    preferred_cache: 'login.windows.net',
    aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
  },
  {
    preferred_network: 'login.partner.microsoftonline.cn',
    preferred_cache: 'login.partner.microsoftonline.cn',
    aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
  },
  {
    preferred_network: 'login.microsoftonline.us',
    preferred_cache: 'login.microsoftonline.us',
    aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
  },
];
