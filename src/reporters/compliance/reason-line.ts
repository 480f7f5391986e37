import { scrub } from './scrub.ts';

const MAX_LENGTH = 200;
// A title cut shorter than this no longer says which case it was.
const MIN_CONTEXT = 40;
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
  // A custom expect message comes first; the generic matcher hint adds nothing a reader needs.
  const hint = /^expect(\.\w+)?\(/.test(first) ? '' : `${first}: `;
  const diff = diffJudgement(lines);
  let line = first;
  if (expected !== undefined && received !== undefined)
    line = `${hint}${judgement(lines, expected, received)}`;
  else if (diff) line = `${hint}${diff}`;
  return context ? withContext(context, line) : oneLine(line);
}

// The title is listed beside the row's tests; what the target did is only here. So a line too long
// for both shortens the title first (not below MIN_CONTEXT characters), then cuts as oneLine does.
function withContext(context: string, line: string): string {
  const title = flat(context);
  const said = flat(line);
  const room = Math.max(MAX_LENGTH - said.length - 2, MIN_CONTEXT);
  return oneLine(`${title.length <= room ? title : `${title.slice(0, room - 1).trimEnd()}…`}: ${said}`);
}

export function oneLine(text: string): string {
  const line = flat(text);
  if (line.length <= MAX_LENGTH) return line;
  // A closing sentence that points into the docs says what to read to fix it, and a closing "expected
  // X, got Y" (or its "got Y" alone) what the target did: the middle goes instead.
  const pointer = line.slice(line.lastIndexOf('. ') + 2);
  const got = line.lastIndexOf(' got ');
  const expected = got < 0 ? -1 : line.lastIndexOf('expected ', got);
  const kept = [
    pointer.includes('docs/') ? pointer : '',
    expected >= 0 ? line.slice(expected) : '',
    got >= 0 ? line.slice(got + 1) : '',
  ].find((tail) => tail && tail.length <= MAX_LENGTH / 2);
  if (kept) return `${line.slice(0, MAX_LENGTH - kept.length - 2)}… ${kept}`;
  return `${line.slice(0, MAX_LENGTH - 1)}…`;
}

function flat(text: string): string {
  return scrub(text).replace(/\s+/g, ' ').trim();
}

// toContain's "Expected" is the value sought and its "Received" the container, either of which may be
// what the target sent: "expected X, got [list]" would name the contract's list as the target's answer.
function judgement(lines: string[], expected: string, received: string): string {
  if (!lines.some((line) => /^(Error: )?expect\(received\)(\.not)?\.toContain(Equal)?\(/.test(line)))
    return `expected ${expected}, got ${received}`;
  const negated = expected.startsWith('not ');
  return `${received} ${negated ? 'contains' : 'does not contain'} ${negated ? expected.slice(4) : expected}`;
}

// toEqual prints a diff ("- Expected", "+ Received", then the lines that differ, marked - and +) and
// no "Expected:" line: its marked lines say what differed, which the row must say. Members of an
// object are paired by name, shortest first, so that a cut spares the most of them.
function diffJudgement(lines: string[]): string | undefined {
  const start = lines.findIndex((line) => /^- Expected\b/.test(line));
  if (start < 0 || !/^\+ Received\b/.test(lines[start + 1] ?? '')) return undefined;
  const body = lines.slice(start + 2);
  const side = (mark: string) =>
    body.filter((line) => line.startsWith(mark)).map((line) => line.slice(1).trim().replace(/,$/, ''));
  const [expected, got] = [side('-'), side('+')];
  if (expected.length + got.length === 0) return undefined;
  const members = (side: string[]) =>
    new Map(side.map((line) => MEMBER.exec(line)).flatMap((m) => (m ? [[m[1]!, m[2]!] as const] : [])));
  const [was, now] = [members(expected), members(got)];
  if (was.size !== expected.length || now.size !== got.length)
    return `expected ${expected.join(', ') || 'nothing'}; got ${got.join(', ') || 'nothing'}`;
  const pairs = [...new Set([...was.keys(), ...now.keys()])]
    .map((name) => `${name} ${was.get(name) ?? '(absent)'} → ${now.get(name) ?? '(absent)'}`)
    .sort((a, b) => a.length - b.length);
  return `members differ (expected → got): ${pairs.join(', ')}`;
}

const MEMBER = /^"([^"]+)": (.*)$/;

function valueAfter(lines: string[], label: string): string | undefined {
  const found = lines.find((line) => new RegExp(`^${label}( \\w+)?:`).test(line));
  return found?.slice(found.indexOf(':') + 1).trim();
}
