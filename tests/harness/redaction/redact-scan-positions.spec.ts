import { randomBytes } from 'node:crypto';
import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The redactor finds a known secret by a key of its first characters, rolled along the text as it scans
// (redact.ts): a secret must be found at any offset, at the very start and end, right after another
// one it replaced, and beside characters outside ASCII, whatever else was registered.
test('a known secret is replaced at every offset, next to another and at both ends of a text', () => {
  const secrets = Array.from({ length: 40 }, () => randomBytes(12).toString('base64url'));
  for (const secret of secrets) registerSecret(secret);
  const filler = 'é"{}: a\u2028x'.repeat(3);
  for (let offset = 0; offset < filler.length; offset++) {
    const [a, b, c] = [secrets[offset % 40]!, secrets[(offset + 1) % 40]!, secrets[(offset + 2) % 40]!];
    const text = `${a}${filler.slice(0, offset)}${b}${c}${filler.slice(offset)}${a}`;
    expect(redactText(text)).toBe(
      `[REDACTED]${filler.slice(0, offset)}[REDACTED][REDACTED]${filler.slice(offset)}[REDACTED]`,
    );
  }
  // Only whole secrets: one cut short, or shorter than the key, stays as it is. Beside characters no
  // secret holds: one ending in "x" was whole again between two "x" (a run in 64 failed).
  const cut = secrets[0]!.slice(0, -1);
  expect(redactText(`!${cut}!`)).toBe(`!${cut}!`);
  expect(redactText('abc')).toBe('abc');
});
