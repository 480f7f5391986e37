import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// Adding a requirement, as docs/writing-tests.md shows, must not turn the project's own tests red: a
// count of the registry's requirements (or of its MUSTs) is read from it, never written down in a test.
const { requirements } = getRegistry();
const COUNTS = [
  { n: requirements.length, near: /requirement/i },
  { n: requirements.filter((r) => r.level === 'MUST').length, near: /\bMUSTs?\b/ },
];

// The line's offence, if it writes down one of the counts where it speaks of what it counts.
function writesDownACount(line: string): boolean {
  return COUNTS.some(({ n, near }) => {
    const number = new RegExp(`(?<![\\w.])${n}(?![\\w.])`);
    return new RegExp(`\\b${n} of ${n}\\b`).test(line) || (near.test(line) && number.test(line));
  });
}

test('no unit test writes down how many requirements, or MUST requirements, the registry holds', () => {
  const dir = join(repoRoot, 'tests');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.startsWith('conformance'),
  );
  const offences = files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (writesDownACount(line) ? [`tests/${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(offences, 'count them with getRegistry().requirements').toEqual([]);
});

test('the check sees a count written as text or as an assertion, and not other numbers', () => {
  const [all, musts] = COUNTS.map((c) => c.n);
  expect(writesDownACount(`'partial run: ${all} of ${all} requirements had no test'`)).toBe(true);
  expect(writesDownACount(`expect(report.requirements).toHaveLength(${all});`)).toBe(true);
  expect(writesDownACount(`'**Conforming, 2 of ${musts} MUST not judged (NA)**'`)).toBe(true);
  expect(writesDownACount(`expect(report.requirements).toHaveLength(${all}1);`)).toBe(false);
  expect(writesDownACount(`const timeoutMs = ${all};`)).toBe(false);
});
