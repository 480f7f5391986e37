// API and sign-in hosts a tenant run may talk to (mde-contract.md section 1). Anything else is refused
// so a typo cannot send credentials to a stranger; loopback is accepted to run tenant mode against an
// emulator.

const REGIONS = ['us', 'eu', 'uk', 'au', 'swa', 'ina', 'aea'];

export const API_HOSTS: readonly string[] = [
  'api.security.microsoft.com',
  'api.securitycenter.microsoft.com',
  ...REGIONS.map((r) => `${r}.api.security.microsoft.com`),
  ...['us', 'eu', 'uk', 'au'].map((r) => `api-${r}.securitycenter.microsoft.com`),
  'api.securitycenter.windows.com',
  ...['us', 'eu', 'uk'].map((r) => `api-${r}.securitycenter.windows.com`),
  'api-gcc.securitycenter.microsoft.us',
  'api-gov.securitycenter.microsoft.us',
];

export const AUTH_HOSTS: readonly string[] = ['login.microsoftonline.com', 'login.microsoftonline.us'];

// GCC High and DoD sign in at login.microsoftonline.us; GCC signs in at the public authority.
export const GOV_HIGH_API_HOSTS: readonly string[] = ['api-gov.securitycenter.microsoft.us'];
export const GOV_API_HOSTS: readonly string[] = [
  'api-gcc.securitycenter.microsoft.us',
  'api-gov.securitycenter.microsoft.us',
];

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
