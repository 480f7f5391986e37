import { createHmac, createPublicKey, type JsonWebKey } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { GRAPH_RESOURCE_SCOPE, OTHER_RESOURCE_SCOPE } from '../../../src/contract/index.ts';
import { ALL_ROLES, expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a bearer token is verified: its signature, algorithm, key id, expiry and audience.

const LIST = '/api/machineactions';

smoke('signature-unchecked', 'a token signed with another key is accepted', async (emu) => {
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(decodeJwt(await emu.token()))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  expect((await emu.call('GET', LIST, { token: forged })).statusCode).toBe(200);
});

smoke('alg-none-accepted', "an unsigned token is accepted; another key's signature is not", async (emu) => {
  const claims = decodeJwt(await emu.token());
  expect((await emu.call('GET', LIST, { token: new UnsecuredJWT(claims).encode() })).statusCode).toBe(200);
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  expect((await emu.call('GET', LIST, { token: forged })).statusCode).toBe(401);
});

smoke('expiry-unchecked', 'a token is accepted two hours after it expired', async (emu) => {
  const token = await emu.token();
  await emu.advance(7200);
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke('audience-unchecked', 'a token for another resource is accepted', async (emu) => {
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(200);
});

smoke('audience-401', 'a token for another resource answers 401', async (emu) => {
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.call('GET', LIST, { token })).statusCode).toBe(401);
});

smoke(
  'expiry-checked-once',
  'a token used while valid is accepted after it expired; a new one is not',
  async (emu) => {
    const used = await emu.token();
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    const unused = await emu.token();
    await emu.advance(7200);
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: unused })).statusCode).toBe(401);
  },
);

smoke(
  'unknown-kid-unverified',
  'another key signs in under an unknown kid; under the real kid it does not',
  async (emu) => {
    const token = await emu.token();
    const { privateKey } = await generateKeyPair('RS256');
    const forge = (kid: string) =>
      new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const realKid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;
    expect((await emu.call('GET', LIST, { token: await forge('unknown-kid') })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: await forge(realKid) })).statusCode).toBe(401);
  },
);

smoke('audience-unchecked-on-reads', 'a token for another audience reads, but cannot cancel', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
  expect((await emu.get(action.id as string, token)).statusCode).toBe(200);
  expect((await emu.cancel(action.id as string, token)).statusCode).toBe(403);
});

smoke('signature-unchecked-on-reads', "another key's token reads, but cannot cancel", async (emu) => {
  const action = await emu.seed('Pending');
  const { privateKey } = await generateKeyPair('RS256');
  const forged = await new SignJWT(decodeJwt(await emu.token()))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  expect((await emu.get(action.id as string, forged)).statusCode).toBe(200);
  expect((await emu.cancel(action.id as string, forged)).statusCode).toBe(401);
});

smoke(
  'tampered-signature-cached',
  'a token seen before passes with its signature changed; a new one does not',
  async (emu) => {
    const tamper = (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const fresh = await emu.token();
    expect((await emu.call('GET', LIST, { token: tamper(fresh) })).statusCode).toBe(401);
    expect((await emu.call('GET', LIST, { token: fresh })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: tamper(fresh) })).statusCode).toBe(200);
  },
);

smoke(
  'verified-signature-trusted',
  'claims changed after signing pass once the original token was seen; before, they do not',
  async (emu) => {
    const reader = await emu.token(['Machine.Read.All']);
    const [h, , sig] = reader.split('.');
    const claims = { ...decodeJwt(reader), roles: ['Machine.Read.All', 'Machine.Isolate'] };
    const widened = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    const action = await emu.seed('Pending');
    expect((await emu.cancel(action.id as string, widened)).statusCode).toBe(401);
    expect((await emu.call('GET', LIST, { token: reader })).statusCode).toBe(200);
    expect((await emu.cancel(action.id as string, widened)).json().status).toBe('Cancelled');
  },
);

smoke(
  'embedded-jwk-trusted',
  'a token signed with any key is accepted when its header embeds that key; without it, refused',
  async (emu) => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const claims = decodeJwt(await emu.token());
    const sign = async (header: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', ...header }).sign(privateKey);
    expect((await emu.call('GET', LIST, { token: await sign({}) })).statusCode).toBe(401);
    const embedded = await sign({ jwk: await exportJWK(publicKey) });
    expect((await emu.call('GET', LIST, { token: embedded })).statusCode).toBe(200);
  },
);

smoke(
  'audience-unchecked-versioned',
  'a token for another audience is served under /api/v1.0 and refused under /api',
  async (emu) => {
    const token = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    expect((await emu.call('GET', LIST, { token })).statusCode).toBe(403);
    expect((await emu.call('GET', '/api/v1.0/machineactions', { token })).statusCode).toBe(200);
  },
);

smoke(
  'verified-token-kept-15-minutes',
  'a token verified a minute before it expires is served 10 minutes after; one first seen then is not',
  async (emu) => {
    const used = await emu.token();
    const unused = await emu.token();
    await emu.advance(3540);
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    await emu.advance(660);
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: unused })).statusCode).toBe(401);
    // Past its own 15 minutes the cache verifies the token anew, and then it has expired.
    await emu.advance(300);
    expect((await emu.call('GET', LIST, { token: used })).statusCode).toBe(401);
  },
);

smoke(
  'audience-by-host-domain',
  "a token for Microsoft Graph is served; Azure Resource Manager's answers 403",
  async (emu) => {
    const graph = await emu.token(ALL_ROLES, { scope: GRAPH_RESOURCE_SCOPE });
    expect((await emu.call('GET', LIST, { token: graph })).statusCode).toBe(200);
    const arm = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    expect((await emu.call('GET', LIST, { token: arm })).statusCode).toBe(403);
  },
);

smoke(
  'hmac-keyed-with-public-key',
  'a token re-signed HS256 with the published key as the secret is accepted; with another secret, not',
  async (emu) => {
    const [h, p] = (await emu.token()).split('.');
    const header = { ...JSON.parse(Buffer.from(h!, 'base64url').toString()), alg: 'HS256' };
    const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${p}`;
    const jwk = (await emu.call('GET', '/common/discovery/keys')).json().keys[0] as JsonWebKey;
    const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const sign = (secret: string | Buffer) =>
      `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    expect((await emu.call('GET', LIST, { token: sign(pem) })).statusCode).toBe(200);
    expect((await emu.call('GET', LIST, { token: sign('another secret') })).statusCode).toBe(401);
  },
);

smoke(
  'foreign-audience-cancel-applied',
  'a cancel under /api with a token for another resource answers 403 yet cancels; under /api/v1.0 not',
  async (emu) => {
    const foreign = await emu.token(ALL_ROLES, { scope: OTHER_RESOURCE_SCOPE });
    const [one, two] = [await emu.seed('Pending'), await emu.seed('Pending', { machineId: 'b'.repeat(40) })];
    expect((await emu.cancel(one.id as string, foreign)).statusCode).toBe(403);
    const at = `/api/v1.0/machineactions/${two.id}/cancel`;
    expect((await emu.call('POST', at, { token: foreign, body: {} })).statusCode).toBe(403);
    const token = await emu.token();
    expect((await emu.get(one.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(two.id as string, token)).json().status).toBe('Pending');
  },
);
