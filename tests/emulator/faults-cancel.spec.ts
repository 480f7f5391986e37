import { errorCode, expect } from './emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

const unchecked = { unchecked: true };

smoke('cancel-new-id', 'the 200 body carries another id; GET of the real id shows Cancelled', async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  const res = await emu.cancel(action.id as string, token);
  expect(res.statusCode).toBe(200);
  expect(res.json().id).not.toBe(action.id);
  expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
});

smoke('cancel-status-canceled', "the 200 body says 'Canceled'; GET shows Cancelled", async (emu) => {
  const action = await emu.seed('Pending');
  const token = await emu.token();
  expect((await emu.cancel(action.id as string, token, undefined, unchecked)).json().status).toBe('Canceled');
  expect((await emu.get(action.id as string, token)).json().status).toBe('Cancelled');
});

smoke(
  'cancel-stale-fields',
  'the 200 body says Cancelled with null cancellation fields; GET is right',
  async (emu) => {
    const action = await emu.seed('Pending');
    const token = await emu.token();
    await emu.advance(5);
    const body = (await emu.cancel(action.id as string, token)).json();
    expect(body).toMatchObject({
      status: 'Cancelled',
      cancellationComment: null,
      cancellationRequestor: null,
    });
    expect(body.lastUpdateDateTimeUtc).toBe(action.lastUpdateDateTimeUtc);
    expect((await emu.get(action.id as string, token)).json().cancellationComment).toBe('cancelled by test');
  },
);

smoke('cancel-fields-missing', 'the 200 body has no cancellation keys', async (emu) => {
  const action = await emu.seed('Pending');
  const body = (await emu.cancel(action.id as string, await emu.token())).json();
  expect(body.status).toBe('Cancelled');
  expect('cancellationComment' in body || 'cancellationRequestor' in body).toBe(false);
});

smoke('cancel-requestor-empty', 'the cancel records an empty cancellationRequestor', async (emu) => {
  const action = await emu.seed('Pending');
  expect((await emu.cancel(action.id as string, await emu.token())).json().cancellationRequestor).toBe('');
});

smoke('cancel-date-before-creation', 'cancellationDateTimeUtc lies before creation', async (emu) => {
  const action = await emu.seed('Pending');
  const body = (await emu.cancel(action.id as string, await emu.token())).json();
  expect(Date.parse(body.cancellationDateTimeUtc)).toBeLessThan(Date.parse(body.creationDateTimeUtc));
});

smoke(
  'cancel-not-persisted',
  'the 200 says Cancelled but GET still shows Pending and the device stays busy',
  async (emu) => {
    await emu.machine();
    const token = await emu.token();
    const created = (await emu.scan(token)).json();
    expect((await emu.cancel(created.id, token)).json().status).toBe('Cancelled');
    expect((await emu.get(created.id, token)).json().status).toBe('Pending');
    expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
  },
);

smoke('final-state-cancellable', 'a Succeeded action is cancelled; TimeOut is still refused', async (emu) => {
  const token = await emu.token();
  const done = await emu.seed('Succeeded');
  expect((await emu.cancel(done.id as string, token)).json().status).toBe('Cancelled');
  expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).statusCode).toBe(400);
});

smoke(
  'final-state-500',
  'a Failed action answers 500 with the envelope; TimeOut is still 400',
  async (emu) => {
    const token = await emu.token();
    const res = await emu.cancel((await emu.seed('Failed')).id as string, token);
    expect(res.statusCode).toBe(500);
    expect(errorCode(res)).toBe('InternalServerError');
    expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).statusCode).toBe(400);
  },
);

smoke('final-state-200-unchanged', 'a Cancelled action answers 200 unchanged', async (emu) => {
  const action = await emu.seed('Cancelled');
  const token = await emu.token();
  const before = (await emu.get(action.id as string, token)).json();
  const res = await emu.cancel(action.id as string, token);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual(before);
});

smoke('timeout-cancellable', 'a TimeOut action is cancelled; Succeeded is still refused', async (emu) => {
  const token = await emu.token();
  expect((await emu.cancel((await emu.seed('TimeOut')).id as string, token)).json().status).toBe('Cancelled');
  expect((await emu.cancel((await emu.seed('Succeeded')).id as string, token)).statusCode).toBe(400);
});

smoke('bad-json-accepted', 'malformed JSON cancels', async (emu) => {
  const action = await emu.seed('Pending');
  const res = await emu.cancel(action.id as string, await emu.token(), '{"Comment":', {
    headers: { 'content-type': 'application/json' },
  });
  expect(res.statusCode).toBe(200);
});

smoke('comment-number-accepted', 'a numeric Comment is stringified', async (emu) => {
  const action = await emu.seed('Pending');
  expect(
    (await emu.cancel(action.id as string, await emu.token(), { Comment: 42 })).json().cancellationComment,
  ).toBe('42');
});

smoke('text-plain-accepted', 'a text/plain body cancels; application/xml is still refused', async (emu) => {
  const token = await emu.token();
  const one = await emu.seed('Pending');
  expect(
    (
      await emu.cancel(one.id as string, token, '{"Comment":"t"}', {
        headers: { 'content-type': 'text/plain' },
      })
    ).statusCode,
  ).toBe(200);
  const two = await emu.seed('Pending', { type: 'Isolate' });
  expect(
    (await emu.cancel(two.id as string, token, '{}', { headers: { 'content-type': 'application/xml' } }))
      .statusCode,
  ).toBe(415);
});

smoke('reopen-blocked', 'after a cancel the device still refuses the same type', async (emu) => {
  await emu.machine();
  const token = await emu.token();
  const first = (await emu.scan(token)).json();
  await emu.cancel(first.id, token);
  expect(errorCode(await emu.scan(token))).toBe('ActiveRequestAlreadyExists');
});

smoke(
  'uncommented-cancel-ignored',
  'a cancel with {} answers 200 and changes nothing; one with a Comment cancels',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    expect((await emu.cancel(bare.id as string, token, {})).statusCode).toBe(200);
    expect((await emu.get(bare.id as string, token)).json().status).toBe('Pending');
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(commented.id as string, token);
    expect((await emu.get(commented.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'uncommented-cancel-not-stored',
  'a cancel with {} answers 200 Cancelled but stays Pending; one with a Comment cancels',
  async (emu) => {
    const token = await emu.token();
    const bare = await emu.seed('Pending');
    expect((await emu.cancel(bare.id as string, token, {})).json().status).toBe('Cancelled');
    expect((await emu.get(bare.id as string, token)).json().status).toBe('Pending');
    const commented = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(commented.id as string, token);
    expect((await emu.get(commented.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'inprogress-cancel-not-stored',
  'an InProgress cancel answers Cancelled but stays InProgress',
  async (emu) => {
    const token = await emu.token();
    const running = await emu.seed('InProgress');
    expect((await emu.cancel(running.id as string, token)).json().status).toBe('Cancelled');
    expect((await emu.get(running.id as string, token)).json().status).toBe('InProgress');
    const pending = await emu.seed('Pending', { type: 'Isolate' });
    await emu.cancel(pending.id as string, token);
    expect((await emu.get(pending.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke('final-cancel-applied-late', 'a refused cancel of a Succeeded action shows 5 s later', async (emu) => {
  const token = await emu.token();
  const done = await emu.seed('Succeeded');
  expect((await emu.cancel(done.id as string, token)).statusCode).toBe(400);
  expect((await emu.get(done.id as string, token)).json().status).toBe('Succeeded');
  await emu.advance(5);
  expect((await emu.get(done.id as string, token)).json().status).toBe('Cancelled');
});

smoke(
  'inprogress-cancel-canceled',
  "an InProgress cancel's 200 says 'Canceled'; a Pending one's says Cancelled",
  async (emu) => {
    const token = await emu.token();
    const running = await emu.seed('InProgress');
    const res = await emu.cancel(running.id as string, token, undefined, unchecked);
    expect(res.json().status).toBe('Canceled');
    expect((await emu.get(running.id as string, token)).json().status).toBe('Cancelled');
    const pending = await emu.seed('Pending', { type: 'Isolate' });
    expect((await emu.cancel(pending.id as string, token)).json().status).toBe('Cancelled');
  },
);

smoke(
  'inprogress-cancel-fields-missing',
  "an InProgress cancel's 200 has no cancellation keys; a Pending one's has them",
  async (emu) => {
    const token = await emu.token();
    const running = await emu.seed('InProgress');
    const body = (await emu.cancel(running.id as string, token)).json();
    expect(body.status).toBe('Cancelled');
    expect('cancellationComment' in body || 'cancellationRequestor' in body).toBe(false);
    const pending = await emu.seed('Pending', { type: 'Isolate' });
    expect('cancellationRequestor' in (await emu.cancel(pending.id as string, token)).json()).toBe(true);
  },
);

smoke(
  'cancel-oldest-on-device',
  "a cancel answers the named action Cancelled but cancels the device's older active action",
  async (emu) => {
    const token = await emu.token();
    const older = await emu.seed('Pending', { type: 'Isolate' });
    const named = await emu.seed('Pending');
    const res = await emu.cancel(named.id as string, token);
    expect(res.json()).toMatchObject({ id: named.id, status: 'Cancelled' });
    expect((await emu.get(named.id as string, token)).json().status).toBe('Pending');
    expect((await emu.get(older.id as string, token)).json().status).toBe('Cancelled');
  },
);
