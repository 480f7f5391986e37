import { adoptUnanswered } from '../../../../src/harness/drivers/tenant/unanswered-scans.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { MACHINE, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A device's list may name its next page on another host (real answers name the host that served
// them, a scale unit among them: docs/contract.md#hosts). The suite never follows it (the token goes
// only to the API), so what the pages it read do not show may be on the rest.
const ELSEWHERE = 'https://elsewhere.example/api/machineactions?$skiptoken=2';

test('a lost scan not on the pages read of a list that goes on elsewhere keeps its note', async () => {
  const { state, driver, clock } = tenant(WRITES, () => ({
    status: 200,
    body: { value: [], '@odata.nextLink': ELSEWHERE },
  }));
  state.unansweredScans.push(new Date(clock.now()).toISOString());
  // Past the settle bound: a whole list that shows no scan by then says the request started none.
  await clock.sleep(60_000);
  expect(await adoptUnanswered(await driver.client('operator'), state, MACHINE)).toEqual([]);
  expect(state.unansweredScans, 'the rest of the list was never read').toHaveLength(1);
});
