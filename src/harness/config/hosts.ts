// API and sign-in hosts a tenant run may talk to (docs/contract.md#hosts). Anything else is refused
// so a typo cannot send credentials to a stranger; loopback is accepted to run tenant mode against an
// emulator.

const REGIONS = ['us', 'eu', 'uk', 'au', 'swa', 'ina', 'aea'];

const API_HOSTS: readonly string[] = [
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

// The one loopback test of the harness: localhost, 127.0.0.0/8 and ::1, given a host name (IPv6 with or
// without brackets) or a whole URL.
export function isLoopback(hostOrUrl: string): boolean {
  let host = hostOrUrl;
  if (hostOrUrl.includes('://'))
    try {
      host = new URL(hostOrUrl).hostname;
    } catch {
      return false;
    }
  host = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

// Why a tenant run may not send credentials to this origin, or undefined: it must be a documented
// host over https, or loopback (tenant mode against an emulator).
export function tenantOriginProblem(origin: string, kind: 'api' | 'auth'): string | undefined {
  const url = new URL(origin);
  if (isLoopback(url.hostname)) return undefined;
  if (url.protocol !== 'https:')
    return `must use https for a tenant (got ${JSON.stringify(origin)}); use https://${url.host}`;
  const hosts = kind === 'api' ? API_HOSTS : AUTH_HOSTS;
  if (!hosts.includes(url.hostname))
    return `must be a documented ${kind === 'api' ? 'Defender for Endpoint API' : 'Microsoft Entra sign-in'} host such as https://${hosts[0]} or a loopback address (got ${JSON.stringify(origin)})`;
  return undefined;
}

// Why an emulator run may not go to this origin, or undefined: a Microsoft host serves no control
// protocol and knows none of the apps the suite registers, so the run could only fail there, after
// asking Entra ID for tokens with the secrets it made up.
export function emulatorOriginProblem(origin: string): string | undefined {
  const host = new URL(origin).hostname;
  if (!API_HOSTS.includes(host) && !AUTH_HOSTS.includes(host)) return undefined;
  return `is a Microsoft host (${host}), but MDE_TARGET=emulator registers its own apps on an emulator through its control protocol; set it to your emulator's origin (http://127.0.0.1:4010 for npm run emulator) or unset it, or set MDE_TARGET=tenant for a tenant`;
}
