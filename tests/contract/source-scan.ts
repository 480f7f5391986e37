import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';

// What the source guards (injected-time.spec.ts, open-details.spec.ts) read: the TypeScript and
// JavaScript files under some directories, with comments blanked.

export interface Source {
  // Relative to the repository: tests/conformance/cancel.spec.ts.
  file: string;
  code: string;
}

export function sourcesUnder(dirs: string[], except: string[] = []): Source[] {
  return dirs
    .flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.[cm]?[jt]s$/.test(name))
        .map((name) => `${dir}/${name}`),
    )
    .filter((file) => !except.includes(file))
    .map((file) => ({ file, code: withoutComments(readFileSync(join(repoRoot, file), 'utf8')) }));
}

// Comments are blanked, keeping their newlines, so that a line number still names the line. Strings,
// template literals and regular expressions are read as such: '*/*' (an Accept header), a URL's "//"
// or /^https?:\/\// starts no comment.
export function withoutComments(source: string): string {
  const out: string[] = [];
  // For each template literal whose ${ is open: the brace depth at which its } closes it.
  const templates: number[] = [];
  let depth = 0;
  let previous = '';
  let i = 0;
  const copy = (end: number) => {
    out.push(source.slice(i, end));
    i = end;
  };
  const blank = (end: number) => {
    out.push(source.slice(i, end).replace(/[^\n]/g, ' '));
    i = end;
  };
  // From i (just after a backtick, or the } closing a ${): to the closing backtick or the next ${.
  const template = () => {
    let j = i;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{'))
      j += source[j] === '\\' ? 2 : 1;
    if (source[j] === '$') {
      templates.push(depth++);
      copy(j + 2);
      // Code starts after ${: a slash there begins a regular expression.
      previous = '{';
    } else {
      copy(j + 1);
      previous = '`';
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') blank(lineEnd(source, i));
    else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      blank(end < 0 ? source.length : end + 2);
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      copy(j + 1);
      previous = c;
    } else if (c === '`') {
      copy(i + 1);
      template();
    } else if (c === '/' && startsRegex(source, i, previous)) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j += source[j] === '\\' ? 2 : 1;
      }
      copy(j + 1);
      previous = '/';
    } else if (c === '}' && templates.length > 0 && templates.at(-1) === depth - 1) {
      templates.pop();
      depth -= 1;
      copy(i + 1);
      template();
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (!/\s/.test(c)) previous = c;
      copy(i + 1);
    }
  }
  return out.join('');
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf('\n', from);
  return end < 0 ? source.length : end;
}

// A slash after an operator, an opening bracket, or a keyword such as return starts a regular
// expression; after a name, a number or a closing bracket it divides.
const BEFORE_REGEX = new Set(['', ...'(,=:[!&|?{};+-*%<>~^']);
const KEYWORDS_BEFORE_REGEX = /\b(return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/;
function startsRegex(source: string, at: number, previous: string): boolean {
  if (BEFORE_REGEX.has(previous)) return true;
  return /\w/.test(previous) && KEYWORDS_BEFORE_REGEX.test(source.slice(Math.max(0, at - 12), at).trimEnd());
}

// "file:line" of every match of `pattern` (a global regular expression) in the code.
export function linesMatching({ file, code }: Source, pattern: RegExp): string[] {
  const lines = new Set<number>();
  for (const match of code.matchAll(pattern)) lines.add(code.slice(0, match.index).split('\n').length);
  return [...lines].map((n) => `${file}:${n}`);
}
