import { redactText } from '../../../src/harness/redaction/redact.ts';
import { redactValue } from '../../../src/harness/redaction/redact-structure.ts';
import { expect, test } from '../../helpers/api-test.ts';

// redactStructure walks a value only when redacting its JSON text changed something. A string that
// holds JSON text itself (an error message quoting a token answer, an answer's body kept as text) is
// escaped again in that text: \"access_token\":\"...\" matches no token-field shape, so the text read
// clean and the string was kept whole, though redacting the string itself hides the credential.
test('a string holding JSON text is redacted as the string itself would be', () => {
  const message = 'token endpoint answered {"access_token":"opaque-unregistered-42","token_type":"Bearer"}';
  expect(redactText(message)).not.toContain('opaque-unregistered-42');
  expect(JSON.stringify(redactValue({ error: { message } }))).not.toContain('opaque-unregistered-42');
  const headers = JSON.stringify({ Authorization: 'Bearer opaque-unregistered-7' });
  expect(JSON.stringify(redactValue({ request: headers }))).not.toContain('opaque-unregistered-7');
});
