import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ERROR_CATALOGUE } from '../../src/emulator/error-catalogue.ts';
import { FAULT_CATALOGUE, PROFILES } from '../../src/emulator/index.ts';

// docs/emulator.md is the user's reference: it must name every fault, profile and error code.
const docs = readFileSync(new URL('../../docs/emulator.md', import.meta.url), 'utf8');

test.describe('docs/emulator.md', () => {
  test('has a row for every fault, with the requirements it breaks', () => {
    for (const fault of FAULT_CATALOGUE)
      expect(docs, fault.name).toContain(`| \`${fault.name}\` | ${fault.breaks.join(', ')} |`);
  });

  test('names every profile', () => {
    for (const name of Object.keys(PROFILES)) expect(docs).toContain(name);
  });

  test('names every wire error code', () => {
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(docs, code).toContain(code);
  });
});
