import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { originalSpan } from './decoded-copy.ts';
import { hiddenCopies } from './hidden-copies.ts';
import { replaceSpans } from './replace-spans.ts';
import { fingerprintsFile } from './secret-fingerprints.ts';
import { type IssuedFingerprints, issuedIn, runHoldsIssued, tokenRuns } from './token-runs.ts';

// The tokens and secrets the run's workers were issued, for a process that was not (Playwright's
// runner, whose reporters print and write what the workers send): each worker registers them with its
// own redactor and leaves their fingerprints in the run's file, which this follows as it grows. Without
// it the runner knew only the configured secrets and the shapes, and an opaque token a target echoed
// into a field an expect() compared was printed by the list reporter and written to junit.xml.
export class IssuedTokens {
  private readonly issued: IssuedFingerprints = {
    hashes: new Set(),
    lengths: new Set(),
    minLength: 0,
    digests: new Map(),
  };
  // Bytes of the file already read: it only grows during a run (started empty, appended whole lines).
  private offset = 0;

  constructor(private readonly file = fingerprintsFile()) {}

  // Every run of token characters that holds an issued token, replaced whole; in the text's decoded
  // copies too (hidden-copies.ts: JSON-escaped, HTML references, base64, cut over lines), where it is
  // replaced from the first character it is written with to the last.
  redact(text: string): string {
    this.readNewLines();
    if (this.issued.hashes.size === 0) return text;
    const spans: number[] = [];
    for (const [start, end] of tokenRuns(text, this.issued.minLength))
      if (runHoldsIssued(text.slice(start, end), this.issued)) spans.push(start, end);
    // In a copy only the token itself: a run there may join a token at a line's end to the next line
    // ("<token>\n/api/x"), and replaced whole it would take that line's start with it.
    for (const copy of hiddenCopies(text, true))
      for (const [start, end] of tokenRuns(copy.text, this.issued.minLength)) {
        const at = issuedIn(copy.text.slice(start, end), this.issued);
        if (at) spans.push(...originalSpan(copy, start + at[0], start + at[1]));
      }
    return replaceSpans(text, spans);
  }

  private readNewLines(): void {
    const size = statSync(this.file, { throwIfNoEntry: false })?.size ?? 0;
    // Emptied for a new run (startFingerprints): read from its start; what was known stays hidden.
    if (size < this.offset) this.offset = 0;
    if (size === this.offset) return;
    const chunk = Buffer.alloc(size - this.offset);
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return; // removed since: a new run is starting
    }
    try {
      readSync(fd, chunk, 0, chunk.length, this.offset);
    } finally {
      closeSync(fd);
    }
    // A line still being appended is read whole next time.
    const text = chunk.toString('utf8');
    const complete = text.lastIndexOf('\n') + 1;
    this.offset += Buffer.byteLength(text.slice(0, complete));
    for (const line of text.slice(0, complete).split('\n')) {
      const [hash, length] = line.trim().split(' ');
      if (!/^[0-9a-f]{64}$/.test(hash ?? '') || !(Number(length) > 0)) continue;
      this.issued.hashes.add(hash!);
      this.issued.lengths.add(Number(length));
    }
    this.issued.minLength = Math.min(...this.issued.lengths);
  }
}
