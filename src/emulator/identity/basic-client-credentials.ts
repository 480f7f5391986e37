// RFC 6749 2.3.1: a client may send its id and secret in an HTTP Basic header instead of the body, as
// Entra ID takes them and its discovery documents say (`client_secret_basic`). Generic OAuth clients
// (openid-client, Authlib) use it by default. Each part is form-encoded before the base64.
export function withBasicCredentials(
  form: URLSearchParams,
  authorization: string | undefined,
): URLSearchParams {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(authorization ?? '')?.[1];
  if (!encoded) return form;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return form;
  const out = new URLSearchParams(form);
  // The body's own parameters, where it has them, are what the rest of the checks read.
  if (!out.get('client_id')) out.set('client_id', formDecoded(decoded.slice(0, colon)));
  if (!out.get('client_secret') && !out.get('client_assertion'))
    out.set('client_secret', formDecoded(decoded.slice(colon + 1)));
  return out;
}

function formDecoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    // Not form-encoded after all (a bare '%'): taken as it is.
    return part;
  }
}
