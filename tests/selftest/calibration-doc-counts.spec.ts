import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { PROFILES } from '../../src/emulator/index.ts';
import { VARIANTS } from '../../src/selftest/independent-emulator/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// docs/calibration.md counted "ten calibration cases (twenty emulators" after the ninth built-in profile
// made them eleven: one per built-in profile (scripts/selftest.ts) and one per independent variant.
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const NUMBERS = [...WORDS, 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
const TENS = ['', '', 'twenty', 'thirty'];
const word = (n: number) =>
  n < NUMBERS.length ? NUMBERS[n] : `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${WORDS[n % 10]}` : ''}`;

test("docs/calibration.md's cost counts the calibration cases the self-test runs, two emulators each", () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'calibration.md'), 'utf8').replace(/\s+/g, ' ');
  const cases = Object.keys(PROFILES).length + Object.keys(VARIANTS).length;
  const written = doc.match(/the ([\w-]+) calibration cases \(([\w-]+) emulators/)?.slice(1);
  expect(written, 'docs/calibration.md, "How the project proves it"').toEqual([word(cases), word(2 * cases)]);
});
