import { base64Copy } from '../../../src/harness/redaction/base64-copy.ts';
import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { OPAQUE } from '../../reporters/leak-scan/leak-workspace.ts';
import { base64 } from './hidden-forms.ts';

test.beforeAll(() => registerSecret(OPAQUE));

// Base64 of text with "?" as every third character ends each group of four with "/" ("YWI/"), so a
// run may begin after each of its "/": read from each, its tail was decoded once per "/" (8,000
// characters made a copy of millions; 64 KB, the longest run decoded, hundreds of megabytes).
test('a run with a "/" after every group is decoded once per offset, not once per "/"', () => {
  const run = base64('ab?'.repeat(2_000));
  expect(run.split('/').length).toBeGreaterThan(2_000);
  const copy = base64Copy({ text: run }, false);
  expect(copy?.text.length ?? 0).toBeLessThanOrEqual(run.length);
});

// The starts kept are one per offset modulo 4: a token after a path at another offset still counts.
test('a token base64-encoded after such a run, at another offset, is still redacted', () => {
  const path = `${base64('ab?'.repeat(100))}ab/`;
  const redacted = redactText(`${path}${base64(`Bearer ${OPAQUE}`)}`);
  expect(redacted.startsWith(path)).toBe(true);
  expect(redacted).toContain('[REDACTED]');
});
