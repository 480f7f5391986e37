import { isJsonNestedTooDeep, JsonTooDeepError } from './json-depth.ts';
import { jsonFaultPlace } from './json-fault-place.ts';
import { jsonCutShort, jsonHabit, repeatedKey } from './json-habits.ts';
import { isUtf16 } from './utf16-bytes.ts';

// A JSON file a user wrote or saved (a profile, a seed, a records file): Windows editors start UTF-8
// files with a byte-order mark, which JSON.parse refuses as "unexpected text" at the first character.
// Its bytes, not its text: UTF-16 is told from them (utf16-bytes.ts says why).
export function parseUserJson(bytes: Uint8Array): unknown {
  if (isUtf16(bytes)) throw new JsonUtf16Error();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new JsonNulError(nul);
  if (withoutBom(text).trim() === '') throw new JsonEmptyError();
  if (isJsonNestedTooDeep(text)) throw new JsonTooDeepError();
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch (error) {
    throw (
      jsonHabit(text) ??
      jsonCutShort(withoutBom(text), error) ??
      jsonFaultPlace(withoutBom(text), error) ??
      error
    );
  }
  const repeated = repeatedKey(text);
  if (repeated) throw repeated;
  return data;
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// What parseUserJson throws for a UTF-16 file (PowerShell 5's > and Out-File write it): its zero bytes
// are held by no JSON text, so only what was refused anyway is named differently.
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

// What parseUserJson throws for a file of nothing but white space: JSON.parse says "Unexpected end of
// JSON input", which read as a write stopped half-way ("cut short") for a file that was never written.
export class JsonEmptyError extends SyntaxError {
  override readonly name = 'JsonEmptyError';
  constructor() {
    super('empty');
  }
}
