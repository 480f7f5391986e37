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

function lineColumn(text: string, index: number): string {
  const before = text.slice(0, index).split('\n');
  return `line ${before.length} column ${before.at(-1)!.length + 1}`;
}
