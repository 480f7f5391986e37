import { readFileSync } from 'node:fs';

// The Node.js versions package.json's engines names. On a major below all of them (Node 18) the run got
// as far as Playwright, which refused in three lines and left a stopped-run report in place of the last
// run's; within a major it names but below the version (20.18 for ^20.19.0) it may work, or fail in
// ways that say nothing of the version. npm ci only warns about either.

export interface NodeSupport {
  // What to print: one line.
  line: string;
  // Whether the run must not start.
  fatal: boolean;
}

const PACKAGE_JSON = new URL('../../../package.json', import.meta.url);

export function supportedNodeRange(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { engines: { node: string } }).engines.node;
}

// Undefined when `version` satisfies `range` (alternatives joined by ||, each ^x.y.z or >=x.y.z).
export function nodeSupportProblem(
  version = process.versions.node,
  range = supportedNodeRange(),
): NodeSupport | undefined {
  const have = parts(version);
  const alternatives = range.split('||').map((a) => a.trim());
  if (alternatives.some((a) => satisfies(have, a))) return undefined;
  const lowestMajor = Math.min(...alternatives.map((a) => parts(a.replace(/^(\^|>=)/, ''))[0]!));
  const fix = 'install Node.js 22 (recommended), then run npm ci again';
  if (have[0]! < lowestMajor)
    return {
      fatal: true,
      line: `Node.js ${version} is too old for this suite (package.json engines: ${range}); ${fix}`,
    };
  return {
    fatal: false,
    line: `warning: Node.js ${version} is not a version this suite supports (package.json engines: ${range}) and may fail in ways that do not name it; ${fix}`,
  };
}

function satisfies(have: number[], alternative: string): boolean {
  const caret = /^\^(\S+)$/.exec(alternative);
  const atLeast = /^>=(\S+)$/.exec(alternative);
  const want = parts((caret ?? atLeast)?.[1] ?? '');
  if (!caret && !atLeast) throw new Error(`package.json engines: cannot read "${alternative}"`);
  if (caret && have[0] !== want[0]) return false;
  return compare(have, want) >= 0;
}

function parts(version: string): number[] {
  const numbers = version.split('.').map((p) => Number.parseInt(p, 10));
  if (numbers.length !== 3 || numbers.some((n) => !Number.isInteger(n)))
    throw new Error(`cannot read the version "${version}"`);
  return numbers;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
