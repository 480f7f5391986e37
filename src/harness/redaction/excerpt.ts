import { redactText } from './redact.ts';

// The start of a text a message quotes (a target's answer), redacted before it is cut: a secret the
// cut goes through is no longer the registered value, and its first part would be quoted as it is.
// Only a window past the cut is redacted, not a body of megabytes: no secret is longer than it.
const WINDOW = 8192;

export function redactedExcerpt(text: string, max: number): string {
  return redactText(text.slice(0, max + WINDOW)).slice(0, max);
}
