import { answerExcerpt } from '../http/answer-excerpt.ts';
import { PLAIN_HTTP_ANSWER } from '../http/fetch-error.ts';
import { sendRaw, WireLoss } from '../http/raw-request.ts';
import type { Authority } from './authority.ts';

// msal-node's word for "the tenant's OpenID configuration could not be had". It keeps neither the
// status nor Entra ID's answer, and @azure/identity passes on only the word; so a refused tenant
// (400 AADSTS90002), a refused connection and an http server on an https URL all read the same.
export function isEndpointResolutionFailure(error: unknown): boolean {
  const err = error as { errorCode?: unknown; message?: unknown } | undefined;
  return (
    err?.errorCode === 'endpoints_resolution_error' ||
    /\bendpoints_resolution_error\b/.test(String(err?.message ?? error))
  );
}

// What the authority answered where MSAL looks first, when that was not the document: Entra ID's
// refusal (status, OAuth `error`, the AADSTS sentence), another status, or why no answer came.
export interface AuthorityAnswer {
  // OAuth error of the answer ("invalid_tenant").
  error?: string;
  // The first line of `error_description`: "AADSTS90002: Tenant '…' not found. …".
  aadsts?: string;
  // Why no answer came ("connection refused", "the target answered plain HTTP to a TLS handshake ...").
  lost?: string;
  // What makes a 200 no usable document: its excerpt ("an HTML page: ...", "body {\"issuer\": ") when it
  // is no JSON object, else the members it lacks.
  notDocument?: string;
}

const OPENID_MEMBERS = ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri'];

export class AuthorityError extends Error {
  constructor(
    readonly url: string,
    // undefined when no answer came.
    readonly status: number | undefined,
    readonly answer: AuthorityAnswer,
    options?: { cause?: unknown },
  ) {
    const { error, aadsts, lost, notDocument } = answer;
    super(
      notDocument !== undefined
        ? `the authority answered ${status}, but no usable OpenID configuration for the tenant: ${notDocument}`
        : status === undefined
          ? lost === PLAIN_HTTP_ANSWER
            ? lost
            : `the authority does not answer: ${lost}`
          : error || aadsts
            ? `the authority answered ${status}${error ? ` ${error}` : ''}${aadsts ? `: ${aadsts}` : ''}`
            : `the authority answered ${status} for the tenant's OpenID configuration`,
      options,
    );
    this.name = 'AuthorityError';
  }

  // Entra ID answered and refused (an OAuth error or an AADSTS code in a 4xx): configuration to fix.
  // A 5xx, a 429 or a page that is no authority's is a target to check or retry.
  get refused(): boolean {
    const status = this.status ?? 0;
    return status >= 400 && status < 500 && status !== 429 && !!(this.answer.error || this.answer.aadsts);
  }
}

// Asks for the tenant's OpenID configuration once, as msal-node did. Undefined when a JSON document came:
// then the authority is not what failed, and MSAL's own error stands. `cause` is MSAL's error.
export async function askAuthority(
  { authBaseUrl, tenantId }: Authority,
  timeoutMs: number,
  cause?: unknown,
): Promise<AuthorityError | undefined> {
  const url = `${authBaseUrl}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
  let status: number;
  let text: string;
  let headers: Record<string, string>;
  try {
    ({ status, text, headers } = await sendRaw({
      url,
      method: 'GET',
      headers: { accept: 'application/json' },
      timeoutMs,
    }));
  } catch (error) {
    const lost = error instanceof WireLoss ? error.message : String(error);
    return new AuthorityError(url, undefined, { lost }, { cause });
  }
  let body: { error?: unknown; error_description?: unknown; error_codes?: unknown } = {};
  let document = false;
  try {
    body = JSON.parse(text);
    document = typeof body === 'object' && body !== null && !Array.isArray(body);
  } catch {}
  if (status === 200) {
    // The members msal-node requires of the document (msal-common's isOpenIdConfigResponse).
    const missing = OPENID_MEMBERS.filter((name) => document && !Object.hasOwn(body, name));
    if (document && missing.length === 0) return undefined;
    if (document)
      return new AuthorityError(
        url,
        status,
        { notDocument: `it lacks ${missing.join(', ')} (Entra ID's holds ${OPENID_MEMBERS.join(', ')})` },
        { cause },
      );
    return new AuthorityError(
      url,
      status,
      { notDocument: answerExcerpt(text, headers['content-type']) },
      { cause },
    );
  }
  const error = typeof body?.error === 'string' && /^[a-z_]+$/.test(body.error) ? body.error : undefined;
  const description = typeof body?.error_description === 'string' ? body.error_description : '';
  const code = Array.isArray(body?.error_codes) ? body.error_codes[0] : undefined;
  // The AADSTS sentence up to Entra ID's "Trace ID:" line; the code alone when only error_codes has it.
  const aadsts =
    /AADSTS\d+:[^\r\n]*?(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n|$))/.exec(description)?.[0] ??
    (Number.isInteger(code) ? `AADSTS${code}` : undefined);
  return new AuthorityError(
    url,
    status,
    { ...(error ? { error } : {}), ...(aadsts ? { aadsts } : {}) },
    { cause },
  );
}
