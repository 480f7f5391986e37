import { scrub } from './scrub.ts';

const MAX_LENGTH = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;

// Turns an error message into the one line a reader of compliance.md needs: no stack, no colours,
// no secret, at most ~200 characters. Playwright's expect messages become "expected X, got Y". (The
// contract matchers record their own line as a finding; this is for everything else.)
export function reasonLine(message: string, context?: string): string {
  const lines = message
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at '));
  const first = (lines[0] ?? 'failed without a message').replace(/^Error: /, '');
  const expected = valueAfter(lines, 'Expected');
  const received = valueAfter(lines, 'Received');
  let line = first;
  if (expected !== undefined && received !== undefined) {
    // A custom expect message comes first; the generic matcher hint adds nothing a reader needs.
    const hint = /^expect(\.\w+)?\(/.test(first) ? '' : `${first}: `;
    line = `${hint}expected ${expected}, got ${received}`;
  }
  return oneLine(context ? `${context}: ${line}` : line);
}

export function oneLine(text: string): string {
  const flat = scrub(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_LENGTH) return flat;
  // A closing sentence that points into the docs says what to read to fix it: the middle goes instead.
  const pointer = flat.slice(flat.lastIndexOf('. ') + 2);
  if (pointer.includes('docs/') && pointer.length <= MAX_LENGTH / 2)
    return `${flat.slice(0, MAX_LENGTH - pointer.length - 2)}… ${pointer}`;
  return `${flat.slice(0, MAX_LENGTH - 1)}…`;
}

function valueAfter(lines: string[], label: string): string | undefined {
  const found = lines.find((line) => new RegExp(`^${label}( \\w+)?:`).test(line));
  return found?.slice(found.indexOf(':') + 1).trim();
}
