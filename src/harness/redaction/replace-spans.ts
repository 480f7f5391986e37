const REDACTED = '[REDACTED]';

// A text with each span ([start, end) pairs one after the other, in any order; overlapping ones
// merged) replaced by one [REDACTED]: what the redactors found in it and in its decoded copies.
export function replaceSpans(text: string, spans: number[]): string {
  if (spans.length === 0) return text;
  const pairs: [number, number][] = [];
  for (let k = 0; k < spans.length; k += 2) pairs.push([spans[k]!, spans[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  let out = '';
  let copied = 0;
  for (const [start, end] of pairs) {
    if (end <= copied) continue;
    if (start >= copied) out += text.slice(copied, start) + REDACTED;
    copied = end;
  }
  return out + text.slice(copied);
}
