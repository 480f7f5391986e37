import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuedTokens } from '../../../src/harness/redaction/issued-tokens.ts';
import { fingerprint } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { OPAQUE } from '../../reporters/leak-scan/leak-workspace.ts';
import {
  base64,
  cutInTwo,
  hex,
  htmlDecimal,
  jsonEveryChar,
  ORDINARY,
  urlTwice,
  utf16,
} from './hidden-forms.ts';

// Playwright's runner knows the workers' tokens by fingerprint only (issued-tokens.ts), and redacts
// with them what its reporters print and write (an expect() quoting what the target answered): a token
// in a hidden form (hidden-forms.ts) passed through to the list reporter and junit.xml.
test.afterEach(removeTempDirs);

function issuedOpaque(): IssuedTokens {
  const file = join(tempDir('issued-'), '.secrets-fingerprints');
  const { sha256, length } = fingerprint(OPAQUE);
  writeFileSync(file, `${sha256} ${length}\n`);
  return new IssuedTokens(file);
}

test('an issued token escaped, base64- or hex-encoded or cut over lines is redacted in the runner', () => {
  const issued = issuedOpaque();
  for (const form of [
    jsonEveryChar(OPAQUE),
    htmlDecimal(OPAQUE),
    urlTwice(OPAQUE),
    cutInTwo(OPAQUE, 9),
    utf16(OPAQUE),
  ])
    expect(issued.redact(`Expected: "${form}"; got 1`)).toBe('Expected: "[REDACTED]"; got 1');
  const encoded = issued.redact(`"debug":"${base64(`Bearer ${OPAQUE}`)}"`);
  expect(encoded.startsWith('"debug":"QmVhcmVy')).toBe(true);
  expect(encoded).toContain('[REDACTED]');
  expect(Buffer.from(encoded.split('"')[3]!.split('[')[0]!, 'base64').toString()).not.toContain('opaque');
  const dumped = issued.redact(`"debug":"${hex(`Bearer ${OPAQUE}`)}"`);
  expect(dumped).toBe(`"debug":"${hex('Bearer ')}[REDACTED]"`);
});

test('escaped text without an issued token is left as it is in the runner', () => {
  const issued = issuedOpaque();
  for (const text of ORDINARY) expect(issued.redact(text)).toBe(text);
});

// A copy joins a line break between token characters; a run there that held the token at a line's end
// was replaced whole, and took the next line's start with it when that began with a separator.
test('an issued token at the end of a line takes nothing of the next line with it', () => {
  const issued = issuedOpaque();
  expect(issued.redact(`Bearer ${OPAQUE}\n/api/machineactions`)).toBe(
    'Bearer [REDACTED]\n/api/machineactions',
  );
  expect(issued.redact(`${cutInTwo(OPAQUE, 9)}\n.next`)).toBe('[REDACTED]\n.next');
});
