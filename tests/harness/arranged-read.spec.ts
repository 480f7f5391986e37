import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { readState } from '../fixtures/action-state.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';
import { fakeDriver } from './fake-clock-driver.ts';

const ID = 'ffffffff-0000-4000-8000-000000000006';

// An action listed as final on a tenant may read as an earlier step from a host that lags behind the
// list: read again within the bounded wait, and judged once it shows the listed status.
test.describe('the set-up read of an action in an arranged final state', () => {
  // GETs that read each status in turn, then the last one for good.
  const reads = (...statuses: string[]) => {
    let gets = 0;
    const client = {
      get: async () => answer(200, { id: ID, status: statuses[Math.min(gets++, statuses.length - 1)] }),
    };
    return { api: client as unknown as ApiClient, gets: () => gets };
  };
  const onA = (mode: string) => {
    const fake = fakeDriver();
    return { ...fake, driver: Object.assign(fake.driver, { mode }) };
  };

  test('on a tenant, a read behind the list is read again until it shows the listed status', async () => {
    const { driver, moves } = onA('tenant');
    const { api: client, gets } = reads('InProgress', 'InProgress', 'Succeeded');
    const state = await readState(client, ID, { status: 'Succeeded', driver });
    expect(state.status).toBe('Succeeded');
    expect([gets(), moves.length]).toEqual([3, 2]);
  });

  test('on a tenant, a 404 from a host the action has not reached yet is read again too', async () => {
    const { driver } = onA('tenant');
    let gets = 0;
    const client = {
      get: async () =>
        gets++ === 0
          ? answer(404, { error: { code: 'NotFound' } })
          : answer(200, { id: ID, status: 'Failed' }),
    };
    const state = await readState(client as unknown as ApiClient, ID, { status: 'Failed', driver });
    expect([state.status, gets]).toEqual(['Failed', 2]);
  });

  test('on a tenant, one still behind at the bound, or in another final state, reaches no verdict', async () => {
    for (const statuses of [['InProgress'], ['Failed']]) {
      const { api: client, gets } = reads(...statuses);
      const error = await readState(client, ID, { status: 'Succeeded', driver: onA('tenant').driver }).catch(
        (e) => e,
      );
      expect(error, statuses[0]).toBeInstanceOf(PreconditionError);
      expect(gets() > 1, `read again after ${statuses[0]}`).toBe(statuses[0] === 'InProgress');
    }
    test.info().annotations.length = 0;
  });

  test('on an emulator a seeded action read in another status reaches no verdict at once', async () => {
    const { driver, moves } = onA('embedded');
    const { api: client, gets } = reads('Pending', 'Succeeded');
    const error = await readState(client, ID, { status: 'Succeeded', driver }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect([gets(), moves.length]).toEqual([1, 0]);
    test.info().annotations.length = 0;
  });
});
