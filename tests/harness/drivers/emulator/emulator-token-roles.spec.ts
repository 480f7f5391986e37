import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { emulatorDriverAt } from '../../stand-ins/emulator-driver-at.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';

const jwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;

// An emulator whose token endpoint puts into each token the roles `rolesOf` says for the app's
// registered ones: the registration's own (as documented), or others.
async function emulator(rolesOf: (registered: string[]) => string[] | undefined) {
  const registered = new Map<string, string[]>();
  const stand = await jsonStandIn(({ url, body, json }) => {
    if (url === '/_emulator/apps') {
      const app = JSON.parse(body);
      registered.set(app.clientId, app.roles);
      return json(201, {});
    }
    const clientId = new URLSearchParams(body).get('client_id') ?? '';
    const roles = rolesOf(registered.get(clientId) ?? []);
    const claims = { aud: 'https://api.securitycenter.microsoft.com', ...(roles ? { roles } : {}) };
    json(200, { token_type: 'Bearer', access_token: jwt(claims), expires_in: 3599 });
  });
  return { driver: emulatorDriverAt(stand.url), close: stand.close };
}

// A token carrying roles its app was not registered with (or lacking those it was) would have PERM.NONE
// or PERM.ROLES fail an API that judged the token rightly: the test that then fails reaches no verdict,
// blamed on the token endpoint, naming both sets. A test that passes was judged all the same.
test('a token whose roles are not those its app was registered with is the token endpoint’s fault', async () => {
  const all = ['Machine.Scan', 'Machine.Read.All', 'Machine.Isolate'];
  const { driver, close } = await emulator(() => all);
  try {
    expect(await driver.token('no-roles')).toMatch(/^eyJ/);
    const found = takeNoVerdicts();
    expect(found).toEqual([expect.objectContaining({ cause: 'target' })]);
    expect(found[0]!.text).toMatch(/oauth2\/v2\.0\/token/);
    expect(found[0]!.text).toContain(
      'carries roles [Machine.Scan, Machine.Read.All, Machine.Isolate] where its app was registered with []',
    );
  } finally {
    await close();
  }
});

test('a token carrying exactly its registered roles, in any order, raises nothing; no roles claim is none', async () => {
  const { driver, close } = await emulator((roles) => (roles.length ? [...roles].reverse() : undefined));
  try {
    await driver.token('operator');
    await driver.token('no-roles');
    await driver.token('role:Machine.Isolate');
    expect(takeNoVerdicts()).toEqual([]);
  } finally {
    await close();
  }
});

// Entra gives a token for another resource the roles the app holds there: none here, and no fault.
test('a token for another resource (AUTH.AUDIENCE) may carry other roles', async () => {
  const { driver, close } = await emulator(() => []);
  try {
    await driver.token('other-audience');
    expect(takeNoVerdicts()).toEqual([]);
  } finally {
    await close();
  }
});
