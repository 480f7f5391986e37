import { errorCode, expect, test } from '../emulator-fixture.ts';
import { readings } from './readings.ts';

// How answers are written: docs/contract.md#timestamp-precision, #json-media-type, #error-target,
// #odata-context, #extra-members and #www-authenticate.
for (const [digits, written] of [
  [0, '2026-01-05T09:00:00Z'],
  [1, '2026-01-05T09:00:00.1Z'],
  [3, '2026-01-05T09:00:00.123Z'],
  [7, '2026-01-05T09:00:00.1230000Z'],
] as const)
  test.describe(`timestamp-precision ${digits}`, () => {
    test.use({ emulatorOptions: readings({ 'timestamp-precision': digits }) });

    test(`timestamps carry ${digits} fractional digits, truncated or padded`, async ({ emu }) => {
      await emu.advance(0.1239);
      const action = await emu.seed('Pending');
      expect(action.creationDateTimeUtc).toBe(written);
    });
  });

test.describe('json-media-type without parameters, no OData-Version', () => {
  test.use({
    emulatorOptions: readings({ 'json-media-type': { contentType: 'application/json', odataVersion: null } }),
  });

  test('entities and errors carry exactly the reading', async ({ emu }) => {
    const token = await emu.token();
    for (const res of [
      await emu.call('GET', '/api/machineactions', { token }),
      await emu.get('00000000-0000-0000-0000-000000000000', token),
    ]) {
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['odata-version']).toBeUndefined();
    }
  });
});

test.describe('json-media-type with OData-Version 4.01', () => {
  test.use({
    emulatorOptions: readings({
      'json-media-type': { contentType: 'application/json;odata.metadata=minimal', odataVersion: '4.01' },
    }),
  });

  test('a 401 carries the reading too', async ({ emu }) => {
    const res = await emu.call('GET', '/api/machineactions');
    expect([res.headers['content-type'], res.headers['odata-version']]).toEqual([
      'application/json;odata.metadata=minimal',
      '4.01',
    ]);
  });
});

test.describe('error-target false and odata-context false', () => {
  test.use({ emulatorOptions: readings({ 'error-target': false, 'odata-context': false }) });

  test('errors carry no target and entities no @odata.context', async ({ emu }) => {
    const token = await emu.token();
    expect(
      (await emu.get('00000000-0000-0000-0000-000000000000', token)).json().error.target,
    ).toBeUndefined();
    const action = await emu.seed('Pending');
    expect((await emu.get(action.id as string, token)).json()['@odata.context']).toBeUndefined();
  });
});

test.describe('extra-members', () => {
  test.use({
    emulatorOptions: readings({
      'extra-members': { entity: ['@odata.etag', 'investigationId'], error: ['innerError'] },
    }),
  });

  test('entities, list items and errors carry the members the schema does not name', async ({ emu }) => {
    const token = await emu.token();
    const action = await emu.seed('Pending');
    const entity = (await emu.get(action.id as string, token)).json();
    expect(Object.keys(entity).slice(-2)).toEqual(['@odata.etag', 'investigationId']);
    expect(entity['@odata.etag']).toMatch(/^W\/"/);
    const listed = (await emu.call('GET', '/api/machineactions', { token })).json().value[0];
    expect(listed).toHaveProperty('investigationId', null);
    const error = (await emu.get('00000000-0000-0000-0000-000000000000', token)).json().error;
    expect(error.innerError).toMatchObject({ code: 'NotFound', date: '2026-01-05T09:00:00' });
    expect(error.innerError['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

test.describe('www-authenticate', () => {
  const challenge = 'Bearer authorization_uri="https://login.example/authorize"';
  test.use({ emulatorOptions: readings({ 'www-authenticate': challenge }) });

  test('a 401 carries exactly the reading; a 403 carries none', async ({ emu }) => {
    const unauthenticated = await emu.call('GET', '/api/machineactions');
    expect([unauthenticated.statusCode, unauthenticated.headers['www-authenticate']]).toEqual([
      401,
      challenge,
    ]);
    const forbidden = await emu.call('GET', '/api/machineactions', { token: await emu.token([]) });
    expect([forbidden.statusCode, forbidden.headers['www-authenticate']]).toEqual([403, undefined]);
  });
});

test.describe('www-authenticate null (default)', () => {
  test('a 401 carries no WWW-Authenticate', async ({ emu }) => {
    const res = await emu.call('GET', '/api/machineactions');
    expect(errorCode(res)).toBe('Unauthorized');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});
