import { REDACTED, redactAuthorization, redactText } from './redact.ts';

// Data redacted member by member (a recorded body, a finding's details), where redactText sees only text.

export function redactValue<T>(value: T): T {
  return redactStructure(value, redactText);
}

// A member whose name says it is a credential loses a string or number whole (null and booleans hold
// none); an Authorization member keeps its scheme.
const SECRET_MEMBER = /(?:access_token|client_secret|refresh_token|id_token|client_assertion|password)$/i;
const AUTH_MEMBER = /authorization$/i;

// Data redacted where it stands, always data again: redacting its JSON text and parsing that back
// turned `"password": null` or a secret of digits inside a number into a bare [REDACTED], no JSON.
// `redactString` is redactText, or a caller's text redaction built on it (the reports' scrub).
export function redactStructure<T>(value: T, redactString: (text: string) => string): T {
  if (value === undefined) return value;
  const text = JSON.stringify(value);
  const parsed: unknown = JSON.parse(text);
  // Most values hold nothing to redact: one pass over their text says so (the reporter scrubs 3,000+
  // records in one go), and only the others are walked. A string the text escapes (one holding JSON
  // text: \"access_token\":\"...\" fits no token field) is in that pass as it is, too.
  const checked = text.includes('\\') ? [text, ...escapedStrings(parsed)].join('\n') : text;
  if (redactString(checked) === checked) return parsed as T;
  return walk(parsed, redactString) as T;
}

function escapedStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (JSON.stringify(value).length !== value.length + 2) found.push(value);
  } else if (Array.isArray(value)) for (const item of value) escapedStrings(item, found);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) escapedStrings(item, escapedStrings(key, found));
  return found;
}

function walk(value: unknown, redactString: (text: string) => string, name = ''): unknown {
  if (typeof value === 'string') {
    if (SECRET_MEMBER.test(name) && value !== '') return REDACTED;
    return AUTH_MEMBER.test(name) ? redactAuthorization(value, redactString) : redactString(value);
  }
  if (typeof value === 'number') {
    const text = String(value);
    return SECRET_MEMBER.test(name) || redactString(text) !== text ? REDACTED : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, redactString, name));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redactString(key)] = walk(item, redactString, key);
  return out;
}
