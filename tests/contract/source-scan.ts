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

// Comments are blanked, keeping their newlines, so that a line number still names the line.
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

// "file:line" of every match of `pattern` (a global regular expression) in the code.
export function linesMatching({ file, code }: Source, pattern: RegExp): string[] {
  const lines = new Set<number>();
  for (const match of code.matchAll(pattern)) lines.add(code.slice(0, match.index).split('\n').length);
  return [...lines].map((n) => `${file}:${n}`);
}
