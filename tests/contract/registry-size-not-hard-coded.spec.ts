import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// Adding a requirement, as docs/writing-tests.md shows, must not turn the project's own tests red: a
// count of the registry's requirements is read from it, never written down in a test.
test('no unit test writes down how many requirements the registry holds', () => {
  const n = getRegistry().requirements.length;
  const written = new RegExp(`\\b${n} (of ${n}\\b|requirements\\b)`);
  const dir = join(repoRoot, 'tests');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.startsWith('conformance'),
  );
  const offences = files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (written.test(line) ? [`tests/${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(offences, 'count them with getRegistry().requirements.length').toEqual([]);
});
