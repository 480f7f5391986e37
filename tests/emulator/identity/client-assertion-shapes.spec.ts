import type { JWTPayload } from 'jose';
import { expect, START_MS, test } from '../emulator-fixture.ts';
import {
  certificateAssertionOf,
  exchange,
  registerCertApp,
  registerFederatedApp,
  SUBJECT,
} from './client-assertions.ts';
import {
  type ClientCertificate,
  clientCertificate,
  EXCHANGE_AUDIENCE,
  type IdentityProvider,
  identityProvider,
} from './test-credentials.ts';

// A client assertion is base64url JSON: a claim or header parameter may hold any JSON value. One whose
// text form cannot be made (an object with a "toString" member that is no function) once reached the
// emulator's checks and messages, which threw: a 500 in the API's envelope, which no identity library
// reads. It is malformed, and refused as Entra refuses a malformed assertion (400 invalid_request,
// AADSTS50027); the emulator keeps serving.

const NO_TEXT = { toString: 1 };

let github: IdentityProvider;
let certificate: ClientCertificate;

// One group, so the beforeAll (key and certificate) runs once: in parallel, Playwright splits a file with
// a beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  [github, certificate] = await Promise.all([identityProvider(), clientCertificate()]);
});

test.beforeEach(async ({ emu }) => {
  expect(await registerFederatedApp(emu, github)).toBe(201);
  expect(await registerCertApp(emu, certificate)).toBe(201);
});

function unsigned(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;
}

const federated = (claims: JWTPayload) =>
  github.sign({ sub: SUBJECT, aud: EXCHANGE_AUDIENCE, ...claims }, { nowMs: START_MS });

const CASES: [string, string, () => Promise<string>][] = [
  [
    'iss, unsigned',
    'fed-app',
    async () => unsigned({ alg: 'RS256' }, { iss: NO_TEXT, sub: 'x', aud: 'x', exp: 1 }),
  ],
  ['iss in an array', 'fed-app', async () => unsigned({ alg: 'RS256' }, { iss: ['a', NO_TEXT], exp: 1 })],
  ['sub', 'fed-app', () => federated({ sub: NO_TEXT as unknown as string })],
  ['aud', 'fed-app', () => federated({ aud: NO_TEXT as unknown as string })],
  ['aud in an array', 'fed-app', () => federated({ aud: [EXCHANGE_AUDIENCE, NO_TEXT as unknown as string] })],
  ['exp', 'fed-app', () => federated({ exp: NO_TEXT as unknown as number })],
  ['nbf', 'fed-app', () => federated({ nbf: NO_TEXT as unknown as number })],
  ['iat', 'fed-app', () => federated({ iat: NO_TEXT as unknown as number })],
  [
    'alg',
    'cert-app',
    async () => unsigned({ alg: NO_TEXT, x5t: 'AA' }, { iss: 'cert-app', sub: 'cert-app' }),
  ],
];

for (const [member, clientId, assertion] of CASES)
  test(`an assertion whose ${member} has the wrong JSON type is refused as malformed (AADSTS50027)`, async ({
    emu,
  }) => {
    const res = await exchange(emu, clientId, await assertion());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_codes: [50027] });
  });

test('after malformed assertions, well-formed ones still get tokens', async ({ emu }) => {
  for (const [, clientId, assertion] of CASES) await exchange(emu, clientId, await assertion());
  expect((await exchange(emu, 'fed-app', await federated({}))).statusCode).toBe(200);
  expect((await exchange(emu, 'cert-app', await certificateAssertionOf(certificate))).statusCode).toBe(200);
});
