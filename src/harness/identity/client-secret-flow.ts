import { answerExcerpt } from '../http/answer-excerpt.ts';
import { describeFetchError } from '../http/fetch-error.ts';
import { type RawResponse, sendRaw, WireLoss } from '../http/raw-request.ts';
import { redactedExcerpt } from '../redaction/excerpt.ts';
import { redactText, registerSecret } from '../redaction/redact.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';

export interface TokenRequest {
  authBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  timeoutMs?: number;
}

export interface Token {
  accessToken: string;
  // Lifetime in seconds as the token endpoint said.
  expiresIn: number;
}

// What went wrong at the token endpoint, without the secret: used by preflight and the drivers.
export class TokenError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    readonly reason: string,
  ) {
    super(`token endpoint ${url} ${status === undefined ? 'failed' : `answered ${status}`}: ${reason}`);
    this.name = 'TokenError';
  }
}

export function tokenUrl(authBaseUrl: string, tenantId: string): string {
  return `${authBaseUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

// Client-credentials flow (docs/interfaces.md#emulator-token-endpoint; Microsoft Entra ID). Registers the secret and the
// token with the redactor before anything could print them.
export async function acquireToken(req: TokenRequest): Promise<Token> {
  registerSecret(req.clientSecret);
  const url = tokenUrl(req.authBaseUrl, req.tenantId);
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: req.clientId,
    client_secret: req.clientSecret,
    scope: req.scope,
  });
  let answer: RawResponse;
  try {
    answer = await sendRaw({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      timeoutMs: req.timeoutMs ?? 10_000,
    });
  } catch (error) {
    throw new TokenError(
      url,
      undefined,
      error instanceof WireLoss ? error.message : describeFetchError(error),
    );
  }
  const { status, text } = answer;
  const body = tokenAnswerObject(text);
  // Redacted here, and fingerprinted so the post-run leak scan can find it in any artefact.
  if (typeof body.access_token === 'string') recordIssuedSecret(body.access_token);
  if (status >= 300 && status < 400)
    throw new TokenError(url, status, redirectReason(answer.headers.location));
  if (status !== 200 || typeof body.access_token !== 'string') {
    const code =
      typeof body.error === 'string' ? body.error : noAccessToken(text, body, answer.headers['content-type']);
    const sentence = entraSentence(body.error_description);
    throw new TokenError(url, status, sentence ? `${code}: ${sentence}` : code);
  }
  // The lifetime tells the suite when the token expires (AUTH.EXPIRED moves the clock past it) and when
  // to renew it: one assumed would judge the API by a lifetime the token may not have.
  const expiresIn = lifetimeOf(body.expires_in);
  if (expiresIn === undefined)
    throw new TokenError(
      url,
      status,
      `expires_in must be the token's lifetime in seconds, a number above 0 (got ${body.expires_in === undefined ? 'none' : redactedExcerpt(String(JSON.stringify(body.expires_in)), 40)})`,
    );
  return { accessToken: body.access_token, expiresIn };
}

// A token request is followed nowhere: the credential goes to the configured authority alone.
export function redirectReason(location: string | undefined): string {
  let where = '';
  try {
    where = location ? ` to ${new URL(location).origin}` : '';
  } catch {
    where = ' to an unreadable URL';
  }
  return `a redirect${where}, which a token request does not follow; Entra ID answers the token itself`;
}

// An answer that is not JSON at all (a 500's HTML page) says what it holds; its size alone said nothing.
// An object's member names (never their values) show a misnamed member at once (`accessToken`).
export function noAccessToken(
  text: string,
  body: Record<string, unknown>,
  contentType: string | undefined,
): string {
  const names = Object.keys(body);
  if (names.length > 0) {
    const shown = names.slice(0, 8).map((name) => redactText(name).slice(0, 40));
    const more = names.length > 8 ? `, and ${names.length - 8} more` : '';
    return `no access_token among its members (${shown.join(', ')}${more}); Entra ID answers token_type, expires_in and access_token`;
  }
  try {
    JSON.parse(text);
    return `no access_token in ${text.length} bytes`;
  } catch {
    return `no access_token in the answer, ${answerExcerpt(text, contentType)}`;
  }
}

// Seconds as a number, or as the whole-number text Entra's v1.0 endpoint gives.
export function lifetimeOf(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

// Entra ID's first sentence, from its AADSTS code to the Trace ID line: the code says what to fix
// (an unknown tenant is `invalid_request` like a malformed form, AADSTS90002 tells them apart). It is
// the target's text, bound for the terminal: redacted, as a broken endpoint may echo what it was sent.
function entraSentence(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const sentence = /AADSTS\d+:[^\r\n]*?(?=\s*(?:Trace ID:|Correlation ID:|Timestamp:|\r|\n|$))/
    .exec(description)?.[0]
    .trim();
  return sentence === undefined ? undefined : redactText(sentence);
}

// The members of a token answer. Valid JSON that is no object (`null`, a number, an array) has none:
// reading `null.access_token` once told the user "Cannot read properties of null" for a bad target.
export function tokenAnswerObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  return {};
}
