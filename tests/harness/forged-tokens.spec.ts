import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { NotApplicableError } from '../../src/harness/errors.ts';
import { FORGERIES } from '../fixtures/forged-tokens.ts';
import { expect, test } from '../helpers/api-test.ts';

// AUTH.INVALID forges its bad tokens from the target's good one.

test('every forgery of a JWT is another token with the same claims, or those claims widened', async () => {
  const { privateKey } = await generateKeyPair('RS256');
  const token = await new SignJWT({ roles: ['Machine.Scan'], tid: 't' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k' })
    .sign(privateKey);
  for (const { what, forge } of FORGERIES) {
    const bad = await forge(token);
    expect(bad, what).not.toBe(token);
    expect(decodeJwt(bad)['tid'], what).toBe('t');
    expect(typeof decodeProtectedHeader(bad).alg, what).toBe('string');
  }
});

// A tenant's token is opaque to its client (Entra ID's tokens may come encrypted): with no header,
// claims or signature to forge from, those tests cannot be set up, and say so (NA), not break (ERROR).
test('a token that is no JWT leaves every forgery not applicable, with the reason', async () => {
  for (const opaque of ['opaqueTokenWithNoDots0123456789', 'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d', 'a.b.c']) {
    for (const { what, forge } of FORGERIES) {
      const error = await forge(opaque).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `${what} of ${opaque}`).toBeInstanceOf(NotApplicableError);
      expect((error as NotApplicableError).reason).toContain('not a JWT');
    }
  }
});
