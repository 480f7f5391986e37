import { readFileSync } from 'node:fs';
import { ENTRA_ERRORS } from '../../../src/contract/entra-errors.ts';
import { expect, test } from '../../helpers/api-test.ts';

// docs/emulator.md#token-errors lists every AADSTS code the emulator answers, with the error and status
// of src/contract/entra-errors.ts, so the two cannot drift apart.
const docs = readFileSync(new URL('../../../docs/emulator.md', import.meta.url), 'utf8');

test('docs/emulator.md has a row for every AADSTS code the emulator answers', () => {
  for (const entry of Object.values(ENTRA_ERRORS)) {
    const row = `| AADSTS${entry.code} | ${entry.error} | ${entry.status} |`;
    if ('emulated' in entry) expect(docs, row).not.toContain(row);
    else expect(docs, row).toContain(row);
  }
});
