import { expect } from '../emulator-fixture.ts';
import { smoke } from './fault-smoke.ts';

// What a cancel's 200 answers, where what it records is right (a GET reads it).

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
  'versioned-cancel-new-id',
  'the 200 body under /api/v1.0 carries another id; under /api the action asked for; both stored',
  async (emu) => {
    const [one, two] = [await emu.seed('Pending'), await emu.seed('Pending', { machineId: 'b'.repeat(40) })];
    const token = await emu.token();
    const versioned = await emu.call('POST', `/api/v1.0/machineactions/${one.id}/cancel`, {
      token,
      body: { Comment: 'versioned' },
    });
    // A 200, not a refusal whose body carries no id at all.
    expect(versioned.statusCode).toBe(200);
    expect(versioned.json().id).toMatch(/^[0-9a-f-]{36}$/i);
    expect(versioned.json().id).not.toBe(one.id);
    expect((await emu.cancel(two.id as string, token)).json().id).toBe(two.id);
    expect((await emu.get(one.id as string, token)).json().status).toBe('Cancelled');
  },
);
