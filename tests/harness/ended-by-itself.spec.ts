import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { Exchange } from '../../src/harness/http/exchange.ts';
import {
  answeredEndedByItself,
  unlessAnsweredEndedByItself,
  unlessFinishedByItself,
} from '../fixtures/cancel-active.ts';
import { expect, test } from '../helpers/api-test.ts';
import { takeNoVerdicts } from '../helpers/no-verdicts.ts';
import { client, ID, on, TENANT } from './cancel-client.ts';
import { fakeDriver } from './fake-clock-driver.ts';

// An accepted cancel whose action may have ended by itself first: on a tenant no verdict once a read
// shows it ended, on an emulator the answer judged (a refused cancel: cancel-active.spec.ts).
test('an accepted cancel that never showed: a tenant action that finished meanwhile is no verdict', async () => {
  await expect(unlessFinishedByItself(on('tenant'), client(200, 'Succeeded').api, ID)).rejects.toBeInstanceOf(
    PreconditionError,
  );
  expect(takeNoVerdicts()).toHaveLength(1);
  // Still active on a tenant, or anything on an emulator (which never finishes an action by itself):
  // the answer is judged.
  await unlessFinishedByItself(on('tenant'), client(200, 'Pending').api, ID);
  const emulator = client(200, 'Succeeded');
  await unlessFinishedByItself(on('embedded'), emulator.api, ID);
  expect(emulator.calls).toEqual([]);
  expect(takeNoVerdicts()).toHaveLength(0);
});

// The 200 of a cancel whose body shows `status`.
const accepted = (status: string) => ({ status: 200, body: { id: ID, status } }) as unknown as Exchange;

test("a tenant's 200 that shows its action ended by itself says nothing of the cancel; an emulator's is judged", () => {
  // Cancel and completion race (docs/contract.md#after-cancel): the device may finish before the cancel lands.
  for (const ended of ['Succeeded', 'Failed', 'TimeOut'])
    expect(answeredEndedByItself(TENANT, accepted(ended)), ended).toBe(true);
  for (const status of ['Pending', 'InProgress', 'Cancelled'])
    expect(answeredEndedByItself(TENANT, accepted(status)), status).toBe(false);
  expect(answeredEndedByItself(on('embedded'), accepted('Succeeded'))).toBe(false);
  expect(answeredEndedByItself(on('emulator'), accepted('Succeeded'))).toBe(false);
});

// A tenant driver whose bounded wait moves a counter, reading through `api` whose GET shows `shown`.
const tenantReading = () => Object.assign(fakeDriver().driver, { mode: 'tenant' });

test('two cancels compared: one whose 200 shows its action ended by itself, and a GET too, ends without a verdict', async () => {
  const { api } = client(200, 'Succeeded');
  await expect(
    unlessAnsweredEndedByItself(
      tenantReading(),
      api,
      [ID, accepted('Cancelled')],
      [ID, accepted('Succeeded')],
    ),
  ).rejects.toBeInstanceOf(PreconditionError);
  expect(takeNoVerdicts()).toHaveLength(1);
  await unlessAnsweredEndedByItself(
    tenantReading(),
    api,
    [ID, accepted('Cancelled')],
    [ID, accepted('Pending')],
  );
  await unlessAnsweredEndedByItself(on('embedded'), api, [ID, accepted('Succeeded')]);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('a 200 that shows its action ended while GETs show it active to the end of the bounded wait is judged', async () => {
  // The end never came: the 200 described an action the device was still running.
  const { api, calls } = client(200, 'Pending');
  await unlessAnsweredEndedByItself(tenantReading(), api, [ID, accepted('Succeeded')]);
  expect(calls.length).toBeGreaterThan(1);
  expect(takeNoVerdicts()).toHaveLength(0);
});

test('a 200 that shows its action ended while a GET shows it Cancelled ends without a verdict, saying they disagree', async () => {
  const { api } = client(200, 'Cancelled');
  const error = await unlessAnsweredEndedByItself(tenantReading(), api, [ID, accepted('Succeeded')]).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PreconditionError);
  expect((error as Error).message).toContain('disagree on how the action ended');
  expect((error as Error).message).not.toContain('its device finished before');
  expect(takeNoVerdicts()).toHaveLength(1);
});
