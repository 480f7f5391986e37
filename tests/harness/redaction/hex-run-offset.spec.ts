import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { OPAQUE } from '../../reporters/leak-scan/leak-workspace.ts';
import { hex } from './hidden-forms.ts';

test.beforeAll(() => registerSecret(OPAQUE));

// A hex letter before the dump ("data", "=a") is a hex digit too: the run began one digit early, every
// byte was read across two, and the header it held was left as it stood.
for (const before of ['data', 'x=a', 'debug: e'])
  test(`a header echoed hex-encoded after "${before}" is redacted`, () => {
    const redacted = redactText(`${before}${hex(`Bearer ${OPAQUE}`)}`);
    expect(redacted).toContain('[REDACTED]');
    expect(redacted.startsWith(before)).toBe(true);
  });
