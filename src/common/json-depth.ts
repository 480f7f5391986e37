// JSON nested deeper than any answer of the API or the control protocol (a MachineAction list nests
// four levels), or any profile, seed or records file (six at most). A target that answered `[[[[...]]]]`
// a million deep (2 MB, well under the answer cap) ran the suite's own recursion (schema previews,
// redaction) out of stack: every test read ERROR with "RangeError: Maximum call stack size exceeded"
// instead of the target's FAIL; such a profile file stopped the run, or the emulator, with that line.
// Such a text is not read.
export const MAX_JSON_DEPTH = 64;

// What parseUserJson throws for it; jsonSyntaxWhere says why.
export class JsonTooDeepError extends SyntaxError {
  override readonly name = 'JsonTooDeepError';
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

// Whether the text opens more than MAX_JSON_DEPTH arrays and objects at once; one pass, strings skipped.
export function isJsonNestedTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}
