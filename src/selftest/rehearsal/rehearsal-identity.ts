import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose/jwt/sign';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';
import type { ControlFederatedCredential } from '../../contract/index.ts';

// The sign-in material of the tenant rehearsals, made fresh for each self-test: the operator and
// the limited app hold a certificate each, and trust one federated identity provider (a stand-in for
// GitHub's OIDC issuer) whose token the suite reads from a file. No client secret exists, exactly
// as a team signs in from CI (docs/tenant-sign-in.md). An auditor app with a secret lets the
// self-test read the tenant back afterwards; the suite never sees it.
const FEDERATED_ISSUER = 'https://token.rehearsal.example';
const FEDERATED_SUBJECT = 'repo:example/conformance:environment:staging';
const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';

export interface RehearsalApp {
  clientId: string;
  // PEM of the certificate and its private key (what MDE_CLIENT_CERTIFICATE_PATH names).
  certificateFile: string;
  certificatePem: string;
}

export interface RehearsalIdentity {
  operator: RehearsalApp;
  limited: RehearsalApp;
  auditor: { clientId: string; clientSecret: string };
  federatedTokenFile: string;
  federatedCredential: ControlFederatedCredential;
}

export async function rehearsalIdentity(dir: string): Promise<RehearsalIdentity> {
  mkdirSync(dir, { recursive: true });
  const app = async (name: string): Promise<RehearsalApp> => {
    // Loaded on first use, as the emulator loads it: unit tests that list this file need no certificate.
    const { generate } = await import('selfsigned');
    const pems = await generate([{ name: 'commonName', value: `rehearsal-${name}` }], {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
    });
    const certificateFile = join(dir, `${name}.pem`);
    writeFileSync(certificateFile, `${pems.cert.trim()}\n${pems.private.trim()}\n`, { mode: 0o600 });
    return { clientId: randomUUID(), certificateFile, certificatePem: pems.cert };
  };
  const [operator, limited, issuer] = await Promise.all([
    app('operator'),
    app('limited'),
    generateKeyPair('RS256', { extractable: true }),
  ]);
  const kid = randomUUID();
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(FEDERATED_ISSUER)
    .setSubject(FEDERATED_SUBJECT)
    .setAudience(FEDERATED_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(issuer.privateKey);
  const federatedTokenFile = join(dir, 'federated-token');
  writeFileSync(federatedTokenFile, token, { mode: 0o600 });
  return {
    operator,
    limited,
    auditor: { clientId: randomUUID(), clientSecret: randomUUID() },
    federatedTokenFile,
    federatedCredential: {
      issuer: FEDERATED_ISSUER,
      subject: FEDERATED_SUBJECT,
      audiences: [FEDERATED_AUDIENCE],
      jwks: { keys: [{ ...(await exportJWK(issuer.publicKey)), kid, alg: 'RS256', use: 'sig' }] },
    },
  };
}
