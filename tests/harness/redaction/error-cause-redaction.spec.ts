import { TransportError } from '../../../src/harness/errors.ts';
import { registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Reporters print a cause beneath its error. Playwright's request context puts its call log, with the
// request's Authorization header, into its error's message: a lost exchange of a remote target wrote
// the bearer token into junit.xml through the cause of the TransportError (the leak scan caught it).
test("a harness error's cause reaches no report with a token in its message or stack", () => {
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYXVzZS10ZXN0In0.c2lnbmF0dXJlLWNhdXNl';
  registerSecret(token);
  const log = `apiRequestContext.fetch: failed to decompress\nCall log:\n  - authorization: Bearer ${token}`;
  const lost = Object.assign(new Error(log, { cause: new Error(`inner ${token}`) }), { code: 'ECONNRESET' });
  const error = new TransportError('GET /api/machineactions/{id}', 'failed to decompress', { cause: lost });
  const cause = error.cause as Error & { code?: string; cause?: Error };
  expect(cause.message).not.toContain(token);
  expect(cause.stack ?? '').not.toContain(token);
  expect(cause.cause?.message).not.toContain(token);
  // What tells the loss apart stays.
  expect(cause.message).toContain('failed to decompress');
  expect(cause.code).toBe('ECONNRESET');
});
