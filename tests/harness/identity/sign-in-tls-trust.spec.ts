import { AuthorityError } from '../../../src/harness/identity/authority-answer.ts';
import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// An authority whose certificate Node does not trust (an emulator's on its own port, a stand-in, a
// TLS-inspecting proxy): the sign-in's line said to trust it, then "(check MDE_AUTH_BASE_URL and that
// the token endpoint is reachable)", which it was: it answered the TLS handshake (walk of real identity).

const spec = {
  kind: 'secret',
  clientId: '11111111-2222-4333-8444-555555555555',
  secretVariable: 'MDE_CLIENT_SECRET',
} as const;
const authority = { authBaseUrl: 'https://127.0.0.1:4473', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const url = `${authority.authBaseUrl}/${authority.tenantId}/v2.0/.well-known/openid-configuration`;

test('an authority certificate Node does not trust says how to trust it, not to check its reach', () => {
  for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
    const lost = `TLS certificate problem (${code}): trust ... with NODE_EXTRA_CA_CERTS`;
    const signIn = signInError(new AuthorityError(url, undefined, { lost }), spec, authority);
    expect(signIn.message, code).not.toContain('reachable');
    expect(signIn.message, code).toContain(
      'Node reads NODE_EXTRA_CA_CERTS from the environment as it starts',
    );
    // What the target must fix, not this machine's configuration: exit 3 as the API's probe says it.
    expect(signIn.refused, code).toBe(false);
  }
});

test('an authority certificate out of its dates or for another host is what to fix, not its reach', () => {
  for (const lost of [
    'TLS certificate problem (CERT_HAS_EXPIRED): the target serves a certificate outside its dates; serve one valid now',
    'TLS certificate problem (ERR_TLS_CERT_ALTNAME_INVALID): the certificate names localhost, not 127.0.0.1; use a host it names in the URL, or serve one for this host',
  ]) {
    const signIn = signInError(new AuthorityError(url, undefined, { lost }), spec, authority);
    expect(signIn.message).not.toContain('reachable');
  }
});
