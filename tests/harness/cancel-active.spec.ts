import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import { cancelActive, cancelsActive } from '../fixtures/cancel-active.ts';
import { expect, test } from '../helpers/api-test.ts';
import { takeNoVerdicts } from '../helpers/no-verdicts.ts';
import { client, ID, on, TENANT } from './cancel-client.ts';

// A cancel of an action made active, refused: read back on a tenant, where the action may have ended
// by itself (an accepted cancel of an action that ended: ended-by-itself.spec.ts).
test('a refused cancel of an action that finished meanwhile ends without a verdict, never a failure', async () => {
  const { api } = client(400, 'Succeeded');
  await expect(cancelActive(TENANT, api, ID, { Comment: 'c' })).rejects.toBeInstanceOf(PreconditionError);
  expect(takeNoVerdicts()).toHaveLength(1);
});

test('a refused cancel of an action still active is the answer to judge', async () => {
  const { api, calls } = client(400, 'Pending');
  expect((await cancelActive(TENANT, api, ID, { Comment: 'c' })).status).toBe(400);
  expect(calls).toEqual(['cancel', 'get']);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('a refused cancel that cancelled the action all the same is the answer to judge', async () => {
  const { api } = client(400, 'Cancelled');
  expect((await cancelActive(TENANT, api, ID, { Comment: 'c' })).status).toBe(400);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('on a tenant even the refusal a test expects reads the action back: a final state may be refused alike', async () => {
  // A 400 BadRequest (or a 403 Forbidden) may be the refusal of a Succeeded action, not of the content type.
  const { api, calls } = client(400, 'Succeeded');
  await expect(
    cancelActive(TENANT, api, ID, { Comment: 'c' }, { request: { contentType: 'text/plain' } }),
  ).rejects.toBeInstanceOf(PreconditionError);
  expect(calls).toEqual(['cancel', 'get']);
  expect(takeNoVerdicts()).toHaveLength(1);
});

test('a 401 to a valid token is judged as it comes, on a tenant too: no final state explains it', async () => {
  const { api, calls } = client(401, 'Succeeded');
  expect((await cancelActive(TENANT, api, ID, { Comment: 'c' })).status).toBe(401);
  expect(calls).toEqual(['cancel']);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test("an emulator's refusal is judged as it comes: its actions never finish by themselves", async () => {
  // A refusal that moved the action to a final state is the emulator's doing, to fail, not a race.
  const { api, calls } = client(409, 'Succeeded');
  expect((await cancelActive(on('embedded'), api, ID, { Comment: 'c' })).status).toBe(409);
  expect(calls).toEqual(['cancel']);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('a refusal whose read-back is throttled ends without a verdict: the action may have finished', async () => {
  const { api } = client(409, 'Pending', 429);
  await expect(cancelActive(TENANT, api, ID, { Comment: 'c' })).rejects.toBeInstanceOf(PreconditionError);
  expect(takeNoVerdicts()).toHaveLength(1);
});

test('an accepted cancel is returned as it is, with no read-back', async () => {
  const { api, calls } = client(200, 'Cancelled');
  expect((await cancelActive(TENANT, api, ID, { Comment: 'c' })).status).toBe(200);
  expect(calls).toEqual(['cancel']);
});

test('the read-back goes through the reading client when another one cancels', async () => {
  const reader = client(200, 'Failed');
  const canceller = client(403, 'Pending');
  await expect(
    cancelActive(TENANT, reader.api, ID, { Comment: 'c' }, { caller: canceller.api }),
  ).rejects.toBeInstanceOf(PreconditionError);
  expect([reader.calls, canceller.calls]).toEqual([['get'], ['cancel']]);
  takeNoVerdicts();
});

test('several refused cancels of one action read it back once: still active then, it was active at each', async () => {
  const { api, calls } = client(400, 'InProgress');
  const answers = await cancelsActive(TENANT, api, ID, [{ raw: '"x"' }, { raw: '42' }, { raw: 'true' }]);
  expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
  expect(calls).toEqual(['cancel', 'cancel', 'cancel', 'get']);
  expect(takeNoVerdicts()).toHaveLength(0);
  // Ended by itself by the end: any of the refusals may have been its final state's, so none is judged.
  const ended = client(400, 'Failed');
  await expect(cancelsActive(TENANT, ended.api, ID, [{ raw: '"x"' }, { raw: '42' }])).rejects.toBeInstanceOf(
    PreconditionError,
  );
  expect(takeNoVerdicts()).toHaveLength(1);
  // A cancel served among them is judged as it comes, as cancelActive judges one: a 200 to a body that
  // must be refused fails whatever became of the action after it.
  const served = client(400, 'Succeeded');
  const cancel = served.api.cancel;
  let first = true;
  served.api.cancel = (async (...args: Parameters<ApiClient['cancel']>) => {
    const res = await cancel(...args);
    if (!first) return res;
    first = false;
    return { ...res, status: 200, body: { id: ID, status: 'Pending' } } as Exchange;
  }) as ApiClient['cancel'];
  const judged = await cancelsActive(TENANT, served.api, ID, [{ raw: '"x"' }, { raw: '42' }]);
  expect(judged.map((a) => a.status)).toEqual([200, 400]);
  expect(takeNoVerdicts()).toHaveLength(0);
  // An emulator's actions never end by themselves: nothing to read.
  const emulator = client(400, 'Pending');
  await cancelsActive(on('embedded'), emulator.api, ID, [{ raw: '"x"' }]);
  expect(emulator.calls).toEqual(['cancel']);
});
