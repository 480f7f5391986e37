// What JSONC and JSON5 allow and JSON does not (a comment, a comma after the last member), found in a
// text JSON.parse refused: said by name and place, since "at position 4" tells a user neither.
export class JsonHabitError extends SyntaxError {
  override readonly name = 'JsonHabitError';
}

export function jsonHabit(text: string): JsonHabitError | undefined {
  // A file that is no JSON at all (a .env named by mistake, with a URL's //) is not said to be one.
  if (!/^\uFEFF?\s*[{[]/.test(text)) return undefined;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const form = text[i + 1] === '/' ? '// comment' : '/* comment */';
      return new JsonHabitError(`a ${form} at ${lineColumn(text, i)}: JSON has no comments; remove it`);
    } else if (char === ',') {
      const close = /^\s*([}\]])/.exec(text.slice(i + 1, i + 1 + 4096))?.[1];
      if (close)
        return new JsonHabitError(
          `a comma before ${close} at ${lineColumn(text, i)}: JSON allows none after the last ${close === '}' ? 'member' : 'item'}; remove it`,
        );
    }
  }
  return undefined;
}

// A text JSON.parse refused where it ends (whitespace aside): a file copied or written in part. Node 20
// gives only "at position N", which says neither that nor the line.
export function jsonCutShort(text: string, error: unknown): JsonHabitError | undefined {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  const end = text.trimEnd().length;
  const atEnd =
    /Unexpected end of JSON input/.test(message) || (position !== undefined && Number(position) >= end);
  if (!atEnd || end === 0) return undefined;
  const line = text.slice(0, end).split('\n').length;
  return new JsonHabitError(
    `cut short at line ${line}: the file ends before its JSON does; copy or write it again whole`,
  );
}

export function lineColumn(text: string, index: number): string {
  const before = text.slice(0, index).split('\n');
  return `line ${before.length} column ${before.at(-1)!.length + 1}`;
}

// A member named twice in one object, in a text JSON.parse accepted: it keeps the last, and the first
// would be ignored in silence. Names that are no word are said by their length (one could be a secret).
export function repeatedKey(text: string): JsonHabitError | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = objects.at(-1);
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) {
          const name =
            /^[A-Za-z$][\w$.-]{0,40}$/.test(key) && !/\d{3}/.test(key)
              ? `"${key}"`
              : `a key of ${key.length} character(s)`;
          return new JsonHabitError(
            `${name} twice in one object, the second at ${lineColumn(text, i)}: a reader keeps only one of them; write it once`,
          );
        }
        keys.add(key);
      }
      expectKey = false;
      i = end;
    } else if (char === '{') {
      objects.push(new Set());
      expectKey = true;
    } else if (char === '[') objects.push(undefined);
    else if (char === '}' || char === ']') objects.pop();
    else if (char === ',') expectKey = objects.at(-1) !== undefined;
  }
  return undefined;
}
