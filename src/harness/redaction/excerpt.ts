import { redactText } from './redact.ts';

// The start of a text a message quotes (a target's answer), redacted before it is cut: a secret the
// cut goes through is no longer the registered value, and its first part would be quoted as it is.
// Only a window past the cut is redacted, not a body of megabytes: no secret is longer than it.
const WINDOW = 8192;

export function redactedExcerpt(text: string, max: number): string {
  return visible(redactText(text.slice(0, max + WINDOW))).slice(0, max);
}

// Control characters (but tab and line feed) and the bidirectional overrides, written as \uXXXX: a
// target's answer is quoted on the terminal and in compliance.md, where its ESC sequences cleared the
// screen or coloured the line, a carriage return wrote over the line before it, and a NUL or BEL made
// compliance.md a binary file to grep. The escape still says what the target sent.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is its purpose.
const CONTROLS = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(text: string): string {
  return text.replace(CONTROLS, (c) =>
    c === '\r\n' ? '\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
