// Token audiences the API accepts (docs/contract.md#hosts, docs/contract.md#audience): the legacy resource every sample uses, the
// current host, WindowsDefenderATP's app id URI (the curl sample's scope), and the US Gov API hosts.
const API_AUDIENCES: readonly string[] = [
  'https://api.securitycenter.microsoft.com',
  'https://api.security.microsoft.com',
  'https://securitycenter.onmicrosoft.com/windowsatpservice',
  'https://api-gcc.securitycenter.microsoft.us',
  'https://api-gov.securitycenter.microsoft.us',
];

export function isApiAudience(aud: unknown): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some(
    (value) => typeof value === 'string' && API_AUDIENCES.includes(value.replace(/\/$/, '')),
  );
}

// The v2 endpoint takes a scope; the audience is the resource before '/.default'.
export function audienceOfScope(scope: string): string {
  return scope.replace(/\/\.default$/, '');
}
