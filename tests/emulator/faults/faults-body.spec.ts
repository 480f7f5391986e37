import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// How a cancel body of the wrong JSON shape is read.

smoke(
  'comment-array-accepted',
  'an array Comment cancels, joined; an object Comment is refused',
  async (emu) => {
    const token = await emu.token();
    const object = await emu.seed('Pending');
    expect((await emu.cancel(object.id as string, token, { Comment: { text: 'x' } })).statusCode).toBe(400);
    const array = await emu.seed('Pending');
    const res = await emu.cancel(array.id as string, token, { Comment: ['one', 'two'] });
    expect(res.json()).toMatchObject({ status: 'Cancelled', cancellationComment: 'one two' });
  },
);

smoke('array-body-accepted', 'a JSON array body is read as its first item', async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(), [{ Comment: 'first' }]);
  expect(res.json()).toMatchObject({ status: 'Cancelled', cancellationComment: 'first' });
});

smoke(
  'scalar-body-accepted',
  'a JSON string, number or boolean body is read as an empty body',
  async (emu) => {
    const token = await emu.token();
    // Strings are sent as written: these are JSON texts, with their Content-Type.
    for (const body of ['"conformance"', '42', 'true']) {
      const action = await emu.seed('Pending');
      const res = await emu.cancel(action.id as string, token, body, {
        headers: { 'content-type': 'application/json' },
      });
      expect(res.json()).toMatchObject({ status: 'Cancelled', cancellationComment: null });
    }
  },
);

smoke(
  'json-charset-refused',
  "a body labelled 'application/json; charset=utf-8' is refused; the bare type is read",
  async (emu) => {
    const token = await emu.token();
    const labelled = await emu.seed('Pending');
    const res = await emu.cancel(labelled.id as string, token, undefined, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect([400, 415]).toContain(res.statusCode);
    expect((await emu.get(labelled.id as string, token)).json().status).toBe('Pending');
    const bare = await emu.seed('Pending');
    expect((await emu.cancel(bare.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'json-charset-case-refused',
  "a body labelled 'application/json;charset=UTF-8' is refused; '; charset=utf-8' is read",
  async (emu) => {
    const token = await emu.token();
    const upper = await emu.seed('Pending');
    const res = await emu.cancel(upper.id as string, token, undefined, {
      headers: { 'content-type': 'application/json;charset=UTF-8' },
    });
    expect([400, 415]).toContain(res.statusCode);
    expect((await emu.get(upper.id as string, token)).json().status).toBe('Pending');
    const lower = await emu.seed('Pending');
    const read = await emu.cancel(lower.id as string, token, undefined, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(read.json().status).toBe('Cancelled');
  },
);

smoke(
  'form-fields-accepted',
  'a form body Comment=... cancels; JSON text labelled as a form is refused with 400',
  async (emu) => {
    const token = await emu.token();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const action = await emu.seed('Pending');
    const json = await emu.cancel(action.id as string, token, '{"Comment":"json"}', { headers });
    expect(json.statusCode).toBe(400);
    const res = await emu.cancel(action.id as string, token, 'Comment=a+form', { headers });
    expect(res.json()).toMatchObject({ status: 'Cancelled', cancellationComment: 'a form' });
  },
);
