import { errorCode, expect, MACHINE, TENANT, test } from '../emulator-fixture.ts';

// A UTF-8 byte order mark before a JSON body: what Windows editors save, and what `curl -d @file`
// then sends. RFC 8259 section 8.1 lets a parser ignore it or refuse it.
// - The control protocol reads its bodies as it reads a --seed file, which skips the mark: the same
//   entry was taken from a file and refused as "not valid JSON" when posted.
// - The API keeps refusing it (400 InvalidRequestBody, nothing changed), but says what to fix: "not
//   valid JSON" sent users to look for a mistake in JSON that has none.
const BOM = '\ufeff';

test('the control protocol takes a body that begins with a byte order mark', async ({ emu }) => {
  const machine = { tenantId: TENANT, id: MACHINE, computerDnsName: 'bom.contoso.example' };
  const res = await emu.app.inject({
    method: 'POST',
    url: '/_emulator/machines',
    headers: { 'content-type': 'application/json' },
    payload: BOM + JSON.stringify(machine),
  });
  expect(res.statusCode, res.body).toBe(201);
  const advance = await emu.app.inject({
    method: 'POST',
    url: '/_emulator/clock/advance',
    headers: { 'content-type': 'application/json' },
    payload: `${BOM}{"seconds": 1}`,
  });
  expect(advance.statusCode, advance.body).toBe(200);
});

test('an API body that begins with a byte order mark is refused, the answer naming the mark', async ({
  emu,
}) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(), `${BOM}{"Comment": "x"}`, {
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode).toBe(400);
  expect(errorCode(res)).toBe('InvalidRequestBody');
  expect(res.json().error.message).toContain('byte order mark');
  expect((await emu.get(action.id as string, await emu.token())).json().status).toBe('Pending');
});
