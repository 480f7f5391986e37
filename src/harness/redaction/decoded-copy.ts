// A text decoded from another (an escape, a character reference, a line break or base64 undone), each
// character knowing the span of the original text it came from: a secret found in the copy is
// replaced in the original (redact.ts), escapes and all. A scan that only asks whether a copy holds a
// secret (leak-search.ts) makes its copies without spans.
export interface DecodedCopy {
  text: string;
  // For each character of `text`, where its source starts and ends in the original text.
  start?: Int32Array;
  end?: Int32Array;
}

export class CopyWriter {
  private readonly codes: Uint16Array;
  private readonly start?: Int32Array;
  private readonly end?: Int32Array;
  private length = 0;

  // `capacity`: the most characters the copy can have; `source`: the copy being decoded (its spans are
  // carried over to the original), or the original itself.
  constructor(
    capacity: number,
    private readonly source: DecodedCopy,
    spans: boolean,
  ) {
    this.codes = new Uint16Array(capacity);
    if (spans) {
      this.start = new Int32Array(capacity);
      this.end = new Int32Array(capacity);
    }
  }

  // One character decoded from the source's characters [first, last).
  put(code: number, first: number, last: number): void {
    const at = this.length++;
    this.codes[at] = code;
    if (!this.start || !this.end) return;
    this.start[at] = this.source.start ? this.source.start[first]! : first;
    this.end[at] = this.source.end ? this.source.end[last - 1]! : last;
  }

  // The source's characters [first, last) as they are.
  putRange(first: number, last: number): void {
    const text = this.source.text;
    const at = this.length;
    for (let i = first; i < last; i++) this.codes[at + i - first] = text.charCodeAt(i);
    this.length += last - first;
    if (!this.start || !this.end) return;
    for (let i = first; i < last; i++) {
      this.start[at + i - first] = this.source.start ? this.source.start[i]! : i;
      this.end[at + i - first] = this.source.end ? this.source.end[i]! : i + 1;
    }
  }

  copy(): DecodedCopy {
    const text = Buffer.from(this.codes.buffer, 0, this.length * 2).toString('utf16le');
    if (!this.start || !this.end) return { text };
    return { text, start: this.start.subarray(0, this.length), end: this.end.subarray(0, this.length) };
  }
}

// Where a span found in a copy stands in the original text.
export function originalSpan(copy: DecodedCopy, from: number, to: number): [number, number] {
  return [copy.start ? copy.start[from]! : from, copy.end ? copy.end[to - 1]! : to];
}
