import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../../src/contract/contract-files.ts';

// Imports run one way (docs/architecture.md). Like Playwright's DEPS.list, each folder says what it
// may not reach; a violation names the file and the import.
const RULES: { folder: string; forbidden: string[]; except?: string[] }[] = [
  { folder: 'src/contract', forbidden: ['src/emulator', 'src/harness', 'src/reporters', 'tests', 'scripts'] },
  { folder: 'src/emulator', forbidden: ['src/harness', 'src/reporters', 'tests', 'scripts'] },
  { folder: 'src/harness', forbidden: ['src/emulator', 'src/reporters', 'tests', 'scripts'] },
  { folder: 'src/reporters', forbidden: ['src/emulator', 'tests', 'scripts'] },
  // The self-test judges reports; it may name the emulator's types, never drive the harness.
  { folder: 'src/selftest', forbidden: ['src/harness', 'tests', 'scripts'] },
  // Tests reach an emulator through HTTP; only the embedded launcher may start one.
  { folder: 'tests/conformance', forbidden: ['src/emulator'] },
  { folder: 'tests/fixtures', forbidden: ['src/emulator'], except: ['src/emulator/index.ts'] },
];

function sourceFiles(dir: string): string[] {
  const abs = join(repoRoot, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(repoRoot, path));
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(repoRoot, resolve(file, '..', s)));
}

for (const rule of RULES) {
  test(`${rule.folder} does not import ${rule.forbidden.join(', ')}`, () => {
    const offences: string[] = [];
    for (const file of sourceFiles(rule.folder)) {
      for (const target of importsOf(file)) {
        if (rule.except?.includes(target)) continue;
        if (rule.forbidden.some((f) => target === f || target.startsWith(`${f}/`))) {
          offences.push(`${relative(repoRoot, file)} imports ${target}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
}
