import { sha256 } from './secret-fingerprints.ts';

// Issued tokens are known outside the worker that was issued them by fingerprint only
// (secret-fingerprints.ts): a text is searched for them run by run, a run being the characters a token
// or secret is made of (base64, base64url, JWT dots, "~"), and each run hashed whole and in its parts.
const TOKEN_CHAR = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.+/=-')
  TOKEN_CHAR[c.charCodeAt(0)] = 1;

export interface IssuedFingerprints {
  hashes: Set<string>;
  lengths: Set<number>;
  // The shortest fingerprinted value: shorter runs are not looked at.
  minLength: number;
  // Each candidate's SHA-256, once: reports repeat the same ids and names thousands of times (the
  // self-test's reports, 61,436 candidates of a fingerprinted length, 117 of them distinct). Digests, not
  // verdicts, so a value issued after it was first looked at is still found.
  digests?: Map<string, string>;
}

const MAX_REMEMBERED_DIGESTS = 100_000;

// The runs at least `minLength` long, as [start, end). A loop over character codes, not a regular
// expression: Allure's report is megabytes of script with a short run every few characters, and the
// loop skips them without making a match for each.
export function* tokenRuns(text: string, minLength: number): Generator<[number, number]> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code < 128 && TOKEN_CHAR[code] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= minLength) yield [start, i];
    start = -1;
  }
}

// A run holds an issued token whole, or between separators: a JWT's part (its signature is what is
// fingerprinted) after a ".", a form field or a query value after "=", a URL's path segment between
// "/", a value after the "+" a form-encoded space becomes. "/" and "+" are base64's too, so a candidate
// may also span them: each one starts at the run's start or after a separator and ends, a fingerprinted
// length later, at the run's end or before a separator.
const SEPARATOR = new Uint8Array(128);
for (const c of './=+') SEPARATOR[c.charCodeAt(0)] = 1;

export function runHoldsIssued(run: string, issued: IssuedFingerprints): boolean {
  return issuedIn(run, issued) !== undefined;
}

// Where in the run the issued token stands, [start, end): the whole run, or the first part between
// separators that is one.
export function issuedIn(run: string, issued: IssuedFingerprints): [number, number] | undefined {
  if (holds(run, issued)) return [0, run.length];
  for (let start = 0; start < run.length; start++) {
    if (start > 0 && SEPARATOR[run.charCodeAt(start - 1)] !== 1) continue;
    for (const length of issued.lengths) {
      const end = start + length;
      if (end > run.length || (end < run.length && SEPARATOR[run.charCodeAt(end)] !== 1)) continue;
      if (holds(run.slice(start, end), issued)) return [start, end];
    }
  }
  return undefined;
}

function holds(candidate: string, issued: IssuedFingerprints): boolean {
  return issued.lengths.has(candidate.length) && issued.hashes.has(digestOf(candidate, issued.digests));
}

function digestOf(candidate: string, digests: Map<string, string> | undefined): string {
  const known = digests?.get(candidate);
  if (known !== undefined) return known;
  const digest = sha256(candidate);
  if (digests) {
    if (digests.size >= MAX_REMEMBERED_DIGESTS) digests.clear();
    digests.set(candidate, digest);
  }
  return digest;
}
