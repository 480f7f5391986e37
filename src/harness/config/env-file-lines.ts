import { parse as parseDotenv } from 'dotenv';
import { misreadValueWarnings } from './env-file-misread-values.ts';
import { shadowedLineWarnings } from './env-file-shadowed.ts';
import { ENV_SCHEMA, schemaOf } from './env-schema.ts';
import { type Env, envFileText } from './read-env.ts';
import { READ_ELSEWHERE } from './unknown-variables.ts';

// dotenv skips a line that is not an assignment without a word: `MDE_TARGET emulator`, `set
// MDE_ALLOW_WRITES=true` or PowerShell's `$env:MDE_TARGET="tenant"` left the setting at its default,
// unnoticed. One warning per such line of .env, by number and the name it mentions, never its text (a
// secret may be on it).
const ASSIGNMENT = /^\s*(?:export\s+)?[\w.-]+(?:\s*=|:\s)/;
const NAME = /(?:^|[^\w])((?:MDE|AZURE|NODE|ACTIONS)_[A-Za-z0-9_]+)/gi;
// Only a name the suite reads is said: any word of that shape may be part of a secret on the line.
const FALLBACKS = Object.values(ENV_SCHEMA.properties as Record<string, { fallback?: string }>).map(
  (schema) => schema.fallback,
);
function isRead(name: string): boolean {
  return (
    !!schemaOf(name) ||
    FALLBACKS.includes(name) ||
    READ_ELSEWHERE.includes(name) ||
    name === 'NODE_EXTRA_CA_CERTS'
  );
}

export function envFileLineWarnings(cwd = process.cwd(), env: Env = process.env): string[] {
  const text = envFileText(cwd);
  if (text === undefined) return [];
  const assigned: Assignment[] = [];
  const unassigned = unassignedLines(text, assigned).map(warning);
  const read = assigned.filter(({ name }) => isRead(name));
  return [
    ...unassigned,
    ...repeatWarnings(assigned),
    ...misreadValueWarnings(read),
    ...shadowedLineWarnings(read, parseDotenv(text), env),
  ];
}

// dotenv keeps the last of two lines that set one variable, without a word: `MDE_ALLOW_WRITES=true`
// above an older `MDE_ALLOW_WRITES=false` ran with writes off. Said by line numbers, never values.
function repeatWarnings(assigned: Assignment[]): string[] {
  const lines = new Map<string, number[]>();
  for (const { line, name } of assigned)
    if (isRead(name)) lines.set(name, [...(lines.get(name) ?? []), line]);
  return [...lines]
    .filter(([, at]) => at.length > 1)
    .map(([name, at]) => {
      const listed = `${at.slice(0, -1).join(', ')} and ${at.at(-1)}`;
      return `warning: .env sets ${name} on lines ${listed}; only the last, line ${at.at(-1)}, is used: remove the other${at.length > 2 ? 's' : ''}`;
    });
}

export interface Assignment {
  line: number;
  name: string;
  // The line's text after the `=`: the value as written, leading spaces, quotes and comment included.
  value: string;
}

function warning({ line, name, unclosed }: UnassignedLine): string {
  if (unclosed)
    return `warning: .env line ${line} opens a quote it does not close at a line's end, so ${name ? `${name}'s value` : 'its value'} keeps the quote character (dotenv reads it unquoted); close the quote or leave the quotes out`;
  return name
    ? `warning: .env line ${line} is not NAME=value and is ignored, so ${name} is not set by it; write it as ${name}=<value>`
    : `warning: .env line ${line} is not NAME=value and is ignored; write each setting as NAME=value`;
}

interface UnassignedLine {
  line: number;
  name?: string;
  // An assignment whose quote dotenv does not read as one: the quote becomes part of the value.
  unclosed?: boolean;
}

// The lines (1-based) that are neither blank, a comment, an assignment nor the rest of a quoted value
// an assignment opened; and the assignments whose opening quote dotenv does not take for one.
// Each assignment found goes into `assigned`, with its line, for the check of repeats.
export function unassignedLines(text: string, assigned: Assignment[] = []): UnassignedLine[] {
  const found: UnassignedLine[] = [];
  const lines = text.split(/\r\n?|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const assignment = ASSIGNMENT.exec(raw);
    if (!assignment) {
      const name = [...line.matchAll(NAME)].map((m) => m[1]!.toUpperCase()).find(isRead);
      found.push({ line: index + 1, ...(name ? { name } : {}) });
      continue;
    }
    const written = raw.slice(assignment[0].length);
    const value = written.trimStart();
    assigned.push({ line: index + 1, name: /^\s*(?:export\s+)?([\w.-]+)/.exec(raw)![1]!, value: written });
    const quote = value[0];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    const end = quotedValueEnd(lines, index, raw.length - value.length + 1, quote);
    if (end !== undefined) index = end;
    else {
      const key = /^\s*(?:export\s+)?([\w.-]+)/.exec(raw)![1]!;
      found.push({ line: index + 1, unclosed: true, ...(isRead(key) ? { name: key } : {}) });
    }
  }
  return found;
}

// Where dotenv ends a quoted value that opens at lines[first][from - 1]: at the first quote not escaped
// with a backslash, on this line or a later one, if only spaces or a comment follow it on its line (the
// line's index); otherwise dotenv reads the first line's value unquoted, quote and all (undefined).
function quotedValueEnd(lines: string[], first: number, from: number, quote: string): number | undefined {
  for (let index = first; index < lines.length; index++) {
    const text = lines[index]!;
    for (let i = index === first ? from : 0; i < text.length; i++) {
      if (text[i] === '\\' && text[i + 1] === quote) i++;
      else if (text[i] === quote) return /^\s*(?:#.*)?$/.test(text.slice(i + 1)) ? index : undefined;
    }
  }
  return undefined;
}
