import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { readListed, readState } from '../fixtures/action-state.ts';
import { expect, test } from '../helpers/api-test.ts';
import { takeNoVerdicts } from '../helpers/no-verdicts.ts';
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

  test('on a tenant, a Cancelled action read active from a lagging host is read again too', async () => {
    const { driver } = onA('tenant');
    const { api: client, gets } = reads('InProgress', 'Pending', 'Cancelled');
    const state = await readState(client, ID, { status: 'Cancelled', driver });
    expect([state.status, gets()]).toEqual(['Cancelled', 3]);
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

// The GET of the schema test reads an action a tenant listed: the host it reaches may not have it yet.
test.describe('the read of an action a tenant listed', () => {
  // GETs answering 404 `misses` times, then 200.
  const after = (misses: number) => {
    let gets = 0;
    const get = async () =>
      gets++ < misses
        ? answer(404, { error: { code: 'NotFound' } })
        : answer(200, { id: ID, status: 'Failed' });
    return { api: { get } as unknown as ApiClient, gets: () => gets };
  };
  const onA = (mode: string) => Object.assign(fakeDriver().driver, { mode });

  test('on a tenant a 404 is read again until the action answers', async () => {
    const { api, gets } = after(2);
    expect((await readListed(onA('tenant'), api, ID)).status).toBe(200);
    expect(gets()).toBe(3);
  });

  test('on a tenant a 404 that lasts the bounded wait reaches no verdict', async () => {
    const error = await readListed(onA('tenant'), after(Number.POSITIVE_INFINITY).api, ID).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(takeNoVerdicts()).toHaveLength(1);
  });

  test('on an emulator the first answer is judged, a 404 too', async () => {
    const { api, gets } = after(1);
    expect((await readListed(onA('embedded'), api, ID)).status).toBe(404);
    expect(gets()).toBe(1);
  });
});
