import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';

// Static checks of the conformance tests, in the spirit of Kubernetes' walk.go: every requirement has
// a test, every test claims its requirements through req(), and nobody hand-writes requirement tags.
const conformanceDir = join(repoRoot, 'tests', 'conformance');

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = specFiles(conformanceDir).map((path) => ({
  path: relative(repoRoot, path),
  text: readFileSync(path, 'utf8'),
}));
const claimed = new Set(
  files.flatMap((f) => [...f.text.matchAll(/['"]([A-Z]+\.[A-Z]+)['"]/g)].map((m) => m[1]!)),
);

test('the conformance suite has test files', () => {
  expect(files.length).toBeGreaterThanOrEqual(8);
});

test('every requirement of the registry is claimed by at least one conformance test', () => {
  const missing = getRegistry()
    .requirements.map((r) => r.id)
    .filter((id) => !claimed.has(id));
  expect(missing).toEqual([]);
});

test('every conformance test claims its requirements through req()', () => {
  const offences: string[] = [];
  for (const file of files) {
    // A test call is `test('title', <details>, async ...)`; its details must come from req().
    for (const match of file.text.matchAll(/\btest\(\s*(['"`])(.+?)\1\s*,\s*([^\n]*)/g)) {
      if (!match[3]!.trimStart().startsWith('req(')) offences.push(`${file.path}: "${match[2]}"`);
    }
  }
  expect(offences).toEqual([]);
});

test('no conformance file writes requirement tags by hand', () => {
  const handMade = files.filter((f) => /tag:\s*\[?\s*['"]@[A-Z]+\./.test(f.text)).map((f) => f.path);
  expect(handMade).toEqual([]);
});
