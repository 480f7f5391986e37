import { describeError } from '../../../src/harness/errors.ts';
import { describeFetchError } from '../../../src/harness/http/fetch-error.ts';
import { probeOrigin } from '../../../src/harness/preflight/origin-probe.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { chainedHttpsStandIn } from '../stand-ins/chained-https-stand-in.ts';

// A target whose certificate an authority issued (a company's PKI, `--tls-cert` with a certificate of
// its own, a TLS-inspecting proxy), not the emulator's self-signed one. Node names these failures
// otherwise, and the preflight read two of them wrong (walk of real identity).

test.afterEach(removeTempDirs);

async function said(withIntermediate: boolean, extraCa: string | ((rootFile: string) => string)) {
  const target = await chainedHttpsStandIn(withIntermediate);
  try {
    const ca = typeof extraCa === 'string' ? extraCa : extraCa(target.rootFile);
    await probeOrigin(`${target.url}/api/machineactions/x`, 3_000, false, ca);
    return 'passed';
  } catch (error) {
    return describeError(error);
  } finally {
    await target.close();
  }
}

// The full chain sent, its root trusted by no one: Node's UNABLE_TO_GET_ISSUER_CERT_LOCALLY read as a
// target down ("Check MDE_API_BASE_URL and that the target is running"), though it answered.
test('a certificate whose authority is not trusted is a certificate to trust, not a target down', async () => {
  const line = await said(true, '');
  expect(line).toContain('TLS certificate problem (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)');
  expect(line).toContain('NODE_EXTRA_CA_CERTS');
  expect(line).not.toContain('that the target is running');
  // As Node 20's fetch reports it when no socket error is at hand.
  expect(describeFetchError({ code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' })).toContain('NODE_EXTRA_CA_CERTS');
});

// Its own certificate sent alone: Node cannot reach the root the user trusts, and says
// UNABLE_TO_VERIFY_LEAF_SIGNATURE. "Does not hold the certificate this target serves (an emulator makes
// a new one at each start): copy its PEM again" sent the user to copy a root they had already trusted.
test('a certificate sent without its intermediate is said so, where NODE_EXTRA_CA_CERTS holds the root', async () => {
  const line = await said(false, (rootFile) => rootFile);
  expect(line).toContain('TLS certificate problem (UNABLE_TO_VERIFY_LEAF_SIGNATURE)');
  expect(line).toContain('intermediate');
  expect(line).not.toContain('a new one at each start');
  expect(line).not.toContain('that the target is running');
});
