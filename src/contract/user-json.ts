import { isJsonNestedTooDeep, JsonTooDeepError } from './json-depth.ts';

// A JSON file a user wrote or saved (a profile, a seed, a records file): Windows editors start UTF-8
// files with a byte-order mark, which JSON.parse refuses as "unexpected text" at the first character.
export function parseUserJson(text: string): unknown {
  if (isJsonNestedTooDeep(text)) throw new JsonTooDeepError();
  return JSON.parse(withoutBom(text));
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
