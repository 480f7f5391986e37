import { isJsonNestedTooDeep, JsonTooDeepError } from './json-depth.ts';

// A JSON file a user wrote or saved (a profile, a seed, a records file): Windows editors start UTF-8
// files with a byte-order mark, which JSON.parse refuses as "unexpected text" at the first character.
export function parseUserJson(text: string): unknown {
  if (looksUtf16(text)) throw new JsonUtf16Error();
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new JsonNulError(nul);
  if (isJsonNestedTooDeep(text)) throw new JsonTooDeepError();
  return JSON.parse(withoutBom(text));
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// What parseUserJson throws for a UTF-16 file (PowerShell 5's > and Out-File write it): read as UTF-8
// its byte order mark is two replacement characters and its ASCII text has a zero byte after every
// character, which no JSON text holds, so only what was refused anyway is named differently.
export class JsonUtf16Error extends SyntaxError {
  override readonly name = 'JsonUtf16Error';
  constructor() {
    super('UTF-16 encoded');
  }
}

// What parseUserJson throws for a NUL that is no UTF-16: a file whose end a crash or a full disk left
// as zeros (a records file of a run killed while writing it), or no text at all. It was named UTF-16,
// with PowerShell's fix, for a file that had never seen PowerShell.
export class JsonNulError extends SyntaxError {
  override readonly name = 'JsonNulError';
  constructor(readonly position: number) {
    super(`NUL byte at position ${position}`);
  }
}

// Its byte order mark, or ASCII text's zero byte after (little-endian) or before (big-endian) every
// character: one of the two alternate positions all but free of zeros, which a file of zeros is not.
function looksUtf16(text: string): boolean {
  if (text.startsWith('\ufffd\ufffd')) return true;
  const sample = text.slice(0, 512);
  const zeros = [0, 0];
  for (let i = 0; i < sample.length; i += 1) if (sample.charCodeAt(i) === 0) zeros[i % 2]! += 1;
  const pairs = Math.floor(sample.length / 2);
  const mostly = (n: number) => n >= pairs * 0.75;
  const few = (n: number) => n <= pairs * 0.25;
  return pairs > 0 && ((mostly(zeros[1]!) && few(zeros[0]!)) || (mostly(zeros[0]!) && few(zeros[1]!)));
}
