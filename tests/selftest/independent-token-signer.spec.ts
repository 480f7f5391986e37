import { TOKEN_LIFETIME_SECONDS, TokenSigner } from '../../src/selftest/independent-emulator/token-signer.ts';
import { expect, test } from '../helpers/api-test.ts';

const claims = {
  tenantId: '6a1c2e8f-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  appId: '0f1e2d3c-4b5a-4968-8776-655443322110',
  roles: ['Machine.Scan'],
  audience: 'https://api.securitycenter.microsoft.com',
};

// The independent emulator keeps the tokens it verified; the lifetime is still judged on every call.
test('a verified token is refused from its expiry on, and before it was valid, as on first sight', async () => {
  const signer = new TokenSigner();
  const issuedMs = Date.parse('2026-03-01T10:00:00Z');
  const token = await signer.issue(claims, issuedMs);
  const expiryMs = issuedMs + TOKEN_LIFETIME_SECONDS * 1000;
  expect(await signer.verify(token, issuedMs)).toEqual({ ok: true, claims });
  expect(await signer.verify(token, expiryMs - 1000)).toEqual({ ok: true, claims });
  expect(await signer.verify(token, expiryMs)).toEqual({ ok: false, why: 'the token has expired' });
  expect((await signer.verify(token, issuedMs - 1000)).ok).toBe(false);
  // The same verdicts for tokens of the same claims seen first at those moments (jose's judgement).
  expect(await signer.verify(await signer.issue(claims, issuedMs), expiryMs)).toEqual({
    ok: false,
    why: 'the token has expired',
  });
  expect((await signer.verify(await signer.issue(claims, issuedMs), issuedMs - 1000)).ok).toBe(false);
});
