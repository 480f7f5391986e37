import { answerExcerpt } from '../http/answer-excerpt.ts';
import { redactText } from '../redaction/redact.ts';

// A token endpoint's answer, read the same way whichever sign-in asked for it.

// What went wrong at the token endpoint, without the secret: said by every sign-in, the http one
// (client-secret-flow.ts) and msal-node's (token-answer-watch.ts), to preflight and the drivers.
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

// An answer that is not JSON at all (a 500's HTML page) says what it holds; its size alone says nothing.
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

// The members of a token answer. Valid JSON that is no object (`null`, a number, an array) has none:
// reading `null.access_token` would tell the user "Cannot read properties of null" for a bad target.
export function tokenAnswerObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  return {};
}
