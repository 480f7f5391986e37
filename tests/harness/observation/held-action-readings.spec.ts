import { findingsOf } from '../../../src/harness/evidence/finding.ts';
import { observeExchange } from '../../../src/harness/observation/passive-readings.ts';
import { noteExists } from '../../../src/harness/observation/seen-states.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer, ENTITY } from '../stand-ins/answers.ts';

// A 404 to a cancel of an action the test holds is another point's lawful refusal (a final-state
// cancel, a cancel without a body, ...), not an unknown id: read as one, it contradicted the real
// unknown-id answers and left the point unknown.
test('a 404 to a cancel of an action the test holds tells nothing of unknown-id', () => {
  const id = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
  const read = {
    ...answer(200, { ...ENTITY, id, status: 'Succeeded' }),
    url: `http://target.test/api/machineactions/${id}`,
  };
  const refused = {
    ...answer(404, { error: { code: 'ActionNotFound', message: 'm' } }),
    operationId: 'CancelMachineAction',
    method: 'POST',
    url: `${read.url}/cancel`,
    pathTemplate: '/api/machineactions/{id}/cancel',
  };
  observeExchange(read);
  observeExchange(refused);
  const seeded = '9e8d7c6b-5a49-4382-9100-ffeeddccbbaa';
  noteExists(seeded, test.info());
  observeExchange({ ...refused, url: `http://target.test/api/machineactions/${seeded}/cancel` });
  const kept = findingsOf(test.info().annotations).filter((f) => 'point' in f && f.point === 'unknown-id');
  expect(kept).toEqual([]);
});

// Another tenant's action is an unknown id to the caller (docs/contract.md#unknown-id: "or another
// tenant's"): CANCEL.TENANT's 404 is a reading of the point even though the test holds that action in
// its own tenant. Held ids are known per tenant, or that reading is lost.
test("a 404 to another tenant's caller for an action the test holds is an unknown-id reading", () => {
  const bearer = (tid: string) =>
    `Bearer e30.${Buffer.from(JSON.stringify({ tid })).toString('base64url')}.sig`;
  const id = '3c2b1a09-8f7e-4d6c-9b5a-4a3b2c1d0e0f';
  const url = `http://target.test/api/machineactions/${id}`;
  const read = { ...answer(200, { ...ENTITY, id }), url, requestHeaders: { authorization: bearer('home') } };
  const stranger = {
    ...answer(404, { error: { code: 'NotFound', message: 'm' } }),
    operationId: 'CancelMachineAction',
    method: 'POST',
    url: `${url}/cancel`,
    pathTemplate: '/api/machineactions/{id}/cancel',
    requestHeaders: { authorization: bearer('other') },
  };
  observeExchange(read);
  observeExchange(stranger);
  // The owner's own 404 to it is still another point's refusal.
  observeExchange({ ...stranger, requestHeaders: read.requestHeaders });
  const kept = findingsOf(test.info().annotations).filter((f) => 'point' in f && f.point === 'unknown-id');
  expect(kept.map((f) => ('reading' in f ? f.reading : f))).toEqual([
    { cancel: { status: 404, code: 'NotFound' } },
  ]);
});
