import { QuotaExceededError } from '../../../src/harness/errors.ts';
import { noVerdict } from '../../../src/harness/evidence/no-verdict.ts';
import { SignInError } from '../../../src/harness/identity/sign-in-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A test ended without a verdict by a refusal whose line says what to fix (the hour share used up, an
// app's sign-in refused mid-run) was printed by Playwright with a code frame of the suite's client and
// the stack of every cause: 36 of them for one setting. Without DEBUG, its lines alone.
test('an error that ends a test without a verdict carries no stack frames, its causes neither', () => {
  const debug = process.env.DEBUG;
  delete process.env.DEBUG;
  try {
    for (const error of [
      new QuotaExceededError('operator CancelMachineAction has made 750 calls in the last hour'),
      new SignInError('secret sign-in failed: AADSTS7000215', { cause: new Error('invalid_client') }),
    ]) {
      const thrown = noVerdict(error);
      for (let e: unknown = thrown; e instanceof Error; e = e.cause)
        expect(e.stack, `${e.name}'s stack`).not.toMatch(/\n\s+at /);
    }
  } finally {
    if (debug !== undefined) process.env.DEBUG = debug;
  }
});
