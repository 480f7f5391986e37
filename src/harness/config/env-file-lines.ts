import { ENV_SCHEMA, schemaOf } from './env-schema.ts';
import { envFileText } from './read-env.ts';
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

export function envFileLineWarnings(cwd = process.cwd()): string[] {
  const text = envFileText(cwd);
  return text === undefined ? [] : unassignedLines(text).map(warning);
}

function warning({ line, name }: { line: number; name?: string }): string {
  return name
    ? `warning: .env line ${line} is not NAME=value and is ignored, so ${name} is not set by it; write it as ${name}=<value>`
    : `warning: .env line ${line} is not NAME=value and is ignored; write each setting as NAME=value`;
}

// The lines (1-based) that are neither blank, a comment, an assignment nor the rest of a quoted value
// an assignment opened.
export function unassignedLines(text: string): { line: number; name?: string }[] {
  const found: { line: number; name?: string }[] = [];
  let openQuote: string | undefined;
  text.split(/\r\n?|\n/).forEach((raw, index) => {
    if (openQuote) {
      if (closes(raw, openQuote)) openQuote = undefined;
      return;
    }
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const assignment = ASSIGNMENT.exec(raw);
    if (!assignment) {
      const name = [...line.matchAll(NAME)].map((m) => m[1]!.toUpperCase()).find(isRead);
      found.push({ line: index + 1, ...(name ? { name } : {}) });
      return;
    }
    const value = raw.slice(assignment[0].length).trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`')
      if (!closes(value.slice(1), quote)) openQuote = quote;
  });
  return found;
}

// Whether the text holds the closing quote (not one escaped with a backslash).
function closes(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return true;
  }
  return false;
}
