import { errorCode, expect, test } from '../emulator-fixture.ts';

// A query option whose value holds an escape that is no UTF-8 (%FF, a lone surrogate's %ED%A0%80) or no
// escape at all (%zz): the query-string parser keeps such a value undecoded, so $filter was read as one
// field named "id%20eq%20%27%FF%27" and refused with "cannot be filtered on; use one of id, ...",
// sending users to the field names. It is still 400 ODataError, now naming the option and what to fix,
// as an undecodable path is (400 "The URL cannot be decoded").
for (const query of [
  '$filter=id%20eq%20%27%FF%27',
  '$filter=requestor%20eq%20%27%ED%A0%80%27',
  '$orderby=id%zz',
  '%24top=1%FF',
])
  test(`?${query} answers 400 ODataError naming the option that cannot be decoded`, async ({ emu }) => {
    const res = await emu.call('GET', `/api/machineactions?${query}`, { token: await emu.token() });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('ODataError');
    const message = res.json().error.message as string;
    expect(message).toContain('cannot be decoded');
    expect(message).toContain(query.startsWith('%24') ? '$top' : query.slice(0, query.indexOf('=')));
  });

test('escapes that decode, and options of other names, are read as before', async ({ emu }) => {
  const token = await emu.token();
  const action = await emu.seed('Pending', { requestor: '100%@contoso.example' });
  const res = await emu.call(
    'GET',
    `/api/machineactions?$filter=requestor%20eq%20%27100%25%40contoso.example%27&other=%FF`,
    { token },
  );
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().value.map((a: { id: string }) => a.id)).toEqual([action.id]);
});
