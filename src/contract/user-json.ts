import { isJsonNestedTooDeep, JsonTooDeepError } from './json-depth.ts';

// A JSON file a user wrote or saved (a profile, a seed, a records file): Windows editors start UTF-8
// files with a byte-order mark, which JSON.parse refuses as "unexpected text" at the first character.
export function parseUserJson(text: string): unknown {
  if (looksUtf16(text)) throw new JsonUtf16Error();
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

function looksUtf16(text: string): boolean {
  return text.startsWith('\ufffd\ufffd') || text.includes('\u0000');
}
