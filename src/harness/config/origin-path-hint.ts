// A URL with a path where an origin is asked for: MSAL's authority (https://host/{tenant}, .../v2.0),
// the token endpoint, or the API's /api copied whole. "must be an origin without path" left the reader
// to work out which part to keep and where the rest goes: the origin to set, and what the suite adds
// itself. Nothing for a URL with credentials, which a message never shows, or without a path.
export function originPathHint(name: string, shownName: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '';
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname === '/') return '';
  const rest =
    name === 'MDE_AUTH_BASE_URL'
      ? '; the tenant id goes in MDE_TENANT_ID, and the suite adds /{tenant}/oauth2/v2.0/token itself'
      : name === 'MDE_API_BASE_URL'
        ? '; the suite adds /api/... itself'
        : '';
  return `: set ${shownName}=${url.origin}${rest}`;
}
