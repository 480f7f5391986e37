import { FreshReads } from '../../../../src/harness/drivers/tenant/fresh-reads.ts';
import type { Exchange } from '../../../../src/harness/http/exchange.ts';
import { expect, test } from '../../../helpers/api-test.ts';

// A read stands in for a test's next read of the same action only while nothing else went out: a read
// taken after any call could miss what that call changed.
const ID = '3fdefc80-7777-4f3d-8dda-d97303fd4bf7';
const read = {
  operationId: 'GetMachineAction',
  status: 200,
  body: { id: ID, status: 'Pending' },
} as unknown as Exchange;
const OPERATOR = { caller: 'operator', ownToken: true, versioned: false };

test('a read with nothing sent since is given once, whatever the case of the id asked for', () => {
  const reads = new FreshReads();
  reads.callSent(ID);
  reads.answered(read, OPERATOR);
  expect(reads.take(ID.toUpperCase())).toBe(read);
  expect(reads.take(ID)).toBeUndefined();
});

test('a call sent after the read makes it stale', () => {
  const reads = new FreshReads();
  reads.callSent(ID);
  reads.answered(read, OPERATOR);
  reads.callSent();
  expect(reads.take(ID)).toBeUndefined();
});

test('a call sent while the read was on its way makes it stale: its answer may predate that call', () => {
  const reads = new FreshReads();
  reads.callSent(ID);
  reads.callSent();
  reads.answered(read, OPERATOR);
  expect(reads.take(ID)).toBeUndefined();
});

test("another identity's read, a read with another token and one under /api/v1.0 are not kept", () => {
  for (const call of [
    { ...OPERATOR, caller: 'limited' },
    { ...OPERATOR, ownToken: false },
    { ...OPERATOR, versioned: true },
  ]) {
    const reads = new FreshReads();
    reads.callSent(ID);
    reads.answered(read, call);
    expect(reads.take(ID)).toBeUndefined();
  }
});

test('another action has no read to give', () => {
  const reads = new FreshReads();
  reads.callSent(ID);
  reads.answered(read, OPERATOR);
  expect(reads.take('00000000-0000-4000-8000-000000000000')).toBeUndefined();
});

test('a read sent while another call is on its way is not given: that call may act after it is served', () => {
  const reads = new FreshReads();
  const cancelAnswered = reads.callSent();
  reads.callSent(ID)();
  reads.answered(read, OPERATOR);
  cancelAnswered();
  expect(reads.take(ID)).toBeUndefined();
  // Once that call is answered, a read sent next is given again.
  reads.callSent(ID)();
  reads.answered(read, OPERATOR);
  expect(reads.take(ID)).toBe(read);
});
