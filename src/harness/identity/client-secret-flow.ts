import { describeFetchError } from '../http/fetch-error.ts';
import { type RawResponse, sendRaw, WireLoss } from '../http/raw-request.ts';
import { redactedExcerpt } from '../redaction/excerpt.ts';
import { redactText, registerSecret } from '../redaction/redact.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';
import { lifetimeOf, noAccessToken, redirectReason, TokenError, tokenAnswerObject } from './token-answer.ts';

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
