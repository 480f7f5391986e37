import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import { NotApplicableError } from '../../src/harness/errors.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import { unlessBusyWithAnother } from '../fixtures/shared-device.ts';
import { expect, test } from '../helpers/api-test.ts';

const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const OWN = 'eeeeeeee-0000-4000-8000-000000000008';
const OTHER = 'eeeeeeee-0000-4000-8000-000000000009';
const RUN_TAG = 'mde-conformance run-1: quick scan to cancel';
const own = { id: OWN, type: 'RunAntiVirusScan', status: 'Cancelled', requestorComment: RUN_TAG };
const on = (mode: string) => ({ mode }) as unknown as TargetDriver;
const refused = {
  status: 400,
  body: { error: { code: 'ActiveRequestAlreadyExists' } },
} as unknown as Exchange;

// A client whose list of the device shows `running` as its one active action (none when undefined),
// started with `comment` (someone else's by default).
function device(running?: string, comment = 'an analyst: quick scan') {
  const calls: string[] = [];
  const value = running ? [{ id: running, status: 'Pending', requestorComment: comment }] : [];
  const api = {
    list: async () => {
      calls.push('list');
      return { status: 200, body: { value } } as unknown as Exchange;
    },
  } as unknown as ApiClient;
  return { api, calls };
}

test("a scan refused while another operator's action runs on a tenant's device is N/A", async () => {
  const { api } = device(OTHER);
  await expect(unlessBusyWithAnother(on('tenant'), api, MACHINE, refused, own)).rejects.toBeInstanceOf(
    NotApplicableError,
  );
});

test('a scan refused while the cancelled action itself still runs, or nothing runs, is judged', async () => {
  for (const running of [OWN.toUpperCase(), undefined]) {
    const { api, calls } = device(running);
    await unlessBusyWithAnother(on('tenant'), api, MACHINE, refused, own);
    expect(calls).toEqual(['list']);
  }
});

test("an emulator's refusal, and an accepted scan, are judged without a look at the device", async () => {
  const { api, calls } = device(OTHER);
  await unlessBusyWithAnother(on('embedded'), api, MACHINE, refused, own);
  const created = { status: 201, body: { id: OTHER, requestorComment: RUN_TAG } } as unknown as Exchange;
  await unlessBusyWithAnother(on('tenant'), api, MACHINE, created, own);
  expect(calls).toEqual([]);
});

test("a scan refused while another of this run's own scans runs on a tenant's device is judged", async () => {
  // A target whose cancel left a copy of the scan running: the device is busy through its own doing.
  const { api, calls } = device(OTHER, RUN_TAG);
  await unlessBusyWithAnother(on('tenant'), api, MACHINE, refused, own);
  expect(calls).toEqual(['list']);
});

test("a scan answered with another operator's running action on a tenant is N/A", async () => {
  // A duplicate may come back as someone else's running action (docs/contract.md#duplicate-create).
  const { api } = device();
  const existing = {
    status: 200,
    body: { id: OTHER, status: 'InProgress', requestorComment: 'an analyst: quick scan' },
  } as unknown as Exchange;
  await expect(unlessBusyWithAnother(on('tenant'), api, MACHINE, existing, own)).rejects.toBeInstanceOf(
    NotApplicableError,
  );
});

test("a scan answered with another operator's action that has ended is judged: a duplicate is answered with a running one", async () => {
  // docs/contract.md#duplicate-create: the lawful answer of a duplicate is the running action; an ended
  // one frees the device and is no reason the new scan was not created.
  const { api } = device();
  for (const status of ['Succeeded', 'Cancelled', 'Failed']) {
    const ended = {
      status: 200,
      body: { id: OTHER, status, requestorComment: 'an analyst: quick scan' },
    } as unknown as Exchange;
    await unlessBusyWithAnother(on('tenant'), api, MACHINE, ended, own);
  }
});

test("a scan refused while the list still shows the cancelled action beside another operator's is N/A", async () => {
  // The list may lag the GET that showed the cancel (docs/contract.md#cancel-visible-after): the
  // cancelled action, still listed Pending first, hid the operator's scan that keeps the device busy.
  for (const order of [
    [OWN, OTHER],
    [OTHER, OWN],
  ]) {
    const comments: Record<string, string> = { [OWN]: RUN_TAG, [OTHER]: 'an analyst: quick scan' };
    const value = order.map((id) => ({ id, status: 'Pending', requestorComment: comments[id] }));
    const api = { list: async () => ({ status: 200, body: { value } }) } as unknown as ApiClient;
    const error = await unlessBusyWithAnother(on('tenant'), api, MACHINE, refused, own).catch((e) => e);
    expect(error, `listed ${order.join(', ')}`).toBeInstanceOf(NotApplicableError);
    expect(error.message).toContain(`action ${OTHER} (Pending)`);
  }
});
