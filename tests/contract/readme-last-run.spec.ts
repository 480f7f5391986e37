import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// The README's "Last run" block is one dated run's transcript: every target of the matrix runs the same
// conformance tests, so its targets divide its tests run. A count bumped alone (the fault count raised
// to the list's after the run, 188 -> 195) made it a run that never happened.
test("the README's last-run transcript is one run's: its targets divide the tests it ran", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const count = (label: string) => {
    const match = new RegExp(`^ {2}${label} +(\\d+)(?: / \\d+)?\\b`, 'm').exec(readme);
    expect(match, `README.md's last-run block has a "${label}" line`).not.toBeNull();
    return Number(match![1]);
  };
  const targets = ['conforming profiles', 'independent emulators', 'deliberate faults', 'tenant rehearsals']
    .map(count)
    .reduce((a, b) => a + b, 0);
  const ran = count('conformance tests run');
  expect(
    ran % targets,
    `${ran} tests run over ${targets} targets: copy every line of one run's self-test summary (bash .ci/run), not one count`,
  ).toBe(0);
});
