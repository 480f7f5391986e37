// Replaces secrets before anything is written: attachments, error messages, logs, reports.
// Known secret values (client secrets, issued tokens) are registered at run time; JWT-shaped strings,
// Entra client secrets, PEM private keys, Authorization values and token fields are replaced by shape.

import { ENTRA_SECRET_SHAPE } from '../../contract/entra-secret-shape.ts';
import { configuredSecretForms } from './base64-forms.ts';
import { type DecodedCopy, originalSpan } from './decoded-copy.ts';
import { hiddenCopies } from './hidden-copies.ts';
import { PRIVATE_KEY_PEM } from './private-key-pem.ts';
import { replaceSpans } from './replace-spans.ts';
import { secretCore } from './secret-core.ts';
import { formsOf } from './secret-forms.ts';

export const REDACTED = '[REDACTED]';
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const SECRET_FIELDS =
  /("?(?:access_token|client_secret|refresh_token|id_token|client_assertion|password)"?\s*[:=]\s*"?)([^"&\s,}]+)/gi;
const AUTH_HEADER = /(authorization"?\s*[:=]\s*"?)([^"\n]+)/gi;
// Credentials whose scheme is kept ("Bearer [REDACTED]"), and cookies, lost whole: a cookie's first
// word is no scheme but "name=value;", the value itself.
const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);

const knownSecrets = new Set<string>();
// The known secrets by their first KEY_LENGTH characters, longest first. A worker registers every token
// it is issued (thousands in the self-test), so a text is scanned once, not once per secret.
// The key is a hash of those characters, rolled along a text as it is scanned: a slice and a string key
// at every position of every text cost a self-test worker a few per cent of its CPU. Equal hashes of
// different prefixes share a list, each entry still matched whole.
const KEY_LENGTH = 6;
const byPrefix = new Map<number, string[]>();
const BASE = 31;
// BASE ** (KEY_LENGTH - 1), as 32-bit arithmetic keeps it.
const LEADING = Array.from({ length: KEY_LENGTH - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

function prefixKey(text: string, at: number): number {
  let key = 0;
  for (let k = 0; k < KEY_LENGTH; k++) key = (Math.imul(key, BASE) + text.charCodeAt(at + k)) | 0;
  return key;
}

// Registers a value that must never be written anywhere (a client secret, an issued token), in each
// form it may be written (secret-forms.ts): a token endpoint that quotes back the request body it
// received quotes the secret form-encoded, and a JSON attachment holds it JSON-escaped.
// A JWT's signature is registered on its own too (secret-core.ts). A configured secret (`configured`:
// one read for a sign-in) also in base64 text (base64-forms.ts): a token endpoint may quote back the
// body it was sent base64-encoded, and the sign-in error quotes the endpoint. Not every issued token:
// a self-test worker is issued thousands, each form of which it would keep.
export function registerSecret(value: string | undefined, { configured = false } = {}): void {
  // Registered whole once, its forms are too: a worker is handed the same token again and again.
  if (!value || value.length < KEY_LENGTH || knownSecrets.has(value)) return;
  for (const form of configured ? configuredSecretForms(value) : formsOf(value)) registerForm(form);
  const core = secretCore(value);
  if (core !== value && core.length >= KEY_LENGTH) for (const form of formsOf(core)) registerForm(form);
}

function registerForm(value: string): void {
  if (knownSecrets.has(value)) return;
  knownSecrets.add(value);
  const key = prefixKey(value, 0);
  const same = byPrefix.get(key) ?? [];
  // Every JWT shares its first characters, so one list holds every token: inserted in place (longest
  // first), not re-sorted, which made registering n tokens cost n² log n.
  let at = 0;
  for (let hi = same.length; at < hi; ) {
    const mid = (at + hi) >>> 1;
    if (same[mid]!.length >= value.length) at = mid + 1;
    else hi = mid;
  }
  same.splice(at, 0, value);
  byPrefix.set(key, same);
}

// The known secrets in a text, as [start, end) pairs one after the other.
function knownSecretSpans(text: string): number[] {
  const spans: number[] = [];
  if (byPrefix.size === 0) return spans;
  let key = text.length >= KEY_LENGTH ? prefixKey(text, 0) : 0;
  for (let i = 0; i + KEY_LENGTH <= text.length; ) {
    const secret = byPrefix.get(key)?.find((s) => text.startsWith(s, i));
    if (secret === undefined) {
      // The key of the next position: this one's first character out, the next one in.
      if (i + KEY_LENGTH < text.length)
        key =
          (Math.imul(key - Math.imul(text.charCodeAt(i), LEADING), BASE) + text.charCodeAt(i + KEY_LENGTH)) |
          0;
      i++;
      continue;
    }
    spans.push(i, i + secret.length);
    i += secret.length;
    if (i + KEY_LENGTH <= text.length) key = prefixKey(text, i);
  }
  return spans;
}

// A secret written in a form no registered one matches (JSON-escaped character by character, HTML
// references, URL-encoded twice, base64, cut over lines: hidden-copies.ts), found in a decoded copy
// of the text, and replaced in the text from the first character it is written with to the last.
// Tokens not registered here (the runner's) by shape too, but only where the copy's characters stand
// side by side in the text: the shapes are greedy, and across a joined line break a JWT at a line's
// end ran on into the next line (`Bearer <JWT>\ncontent-type: ...` lost its second line).
function hiddenSecretSpans(text: string): number[] {
  const spans: number[] = [];
  for (const copy of hiddenCopies(text, true)) {
    const found = [...knownSecretSpans(copy.text), ...shapeSpans(copy)];
    for (let k = 0; k < found.length; k += 2) spans.push(...originalSpan(copy, found[k]!, found[k + 1]!));
  }
  return spans;
}

// The JWT and Entra secret shapes in a text (a copy of it: where its characters stand side by side).
function shapeSpans(copy: DecodedCopy): number[] {
  const spans: number[] = [];
  for (const shape of [JWT_SHAPE, ENTRA_SECRET_SHAPE])
    for (const m of copy.text.matchAll(shape))
      if (unbroken(copy, m.index, m.index + m[0].length)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

// Whether the copy's characters [from, to) come from one stretch of the text, nothing left out between
// them (a line break and its indentation, the text between two windows of a long one).
function unbroken(copy: DecodedCopy, from: number, to: number): boolean {
  if (!copy.start || !copy.end) return true;
  for (let k = from; k + 1 < to; k++) if (copy.start[k + 1]! > copy.end[k]!) return false;
  return true;
}

export function redactText(text: string): string {
  // All in the text as it came: a shorter secret replaced first could cut a hidden one apart, and a
  // JWT whose signature is a known secret read "[REDACTED][REDACTED]" (the signature, then the rest).
  return replaceSpans(text, [...knownSecretSpans(text), ...shapeSpans({ text }), ...hiddenSecretSpans(text)])
    .replace(PRIVATE_KEY_PEM, REDACTED)
    .replace(SECRET_FIELDS, `$1${REDACTED}`)
    .replace(AUTH_HEADER, (_m, prefix: string, value: string) => {
      const scheme = value.trim().split(/\s+/)[0] ?? '';
      return `${prefix}${/^[A-Za-z]+$/.test(scheme) && value.trim().includes(' ') ? `${scheme} ` : ''}${REDACTED}`;
    });
}

// Names too: a target may reflect a token into a header's name (x-echo-<token>), and Node hands names
// over in lower case, which leaves a token of lower-case hex as it was issued.
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[redactText(name)] = COOKIE_HEADERS.has(lower)
      ? REDACTED
      : AUTH_HEADERS.has(lower)
        ? redactAuthorization(value)
        : redactText(value);
  }
  return out;
}

// Keeps the scheme ("Bearer") so a reader can tell what kind of credential was sent; a first word that
// is no scheme (a bare token echoed with words after it, a token the redaction knows) goes with the rest.
const SCHEME = /^[A-Za-z][A-Za-z0-9-]{0,23}$/;
export function redactAuthorization(
  value: string,
  redactString: (text: string) => string = redactText,
): string {
  const [scheme, ...rest] = value.split(' ');
  const kept = rest.length > 0 && SCHEME.test(scheme!) && redactString(scheme!) === scheme;
  return kept ? `${scheme} ${REDACTED}` : REDACTED;
}
