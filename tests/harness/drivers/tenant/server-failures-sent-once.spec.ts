import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { scan, tenant } from '../../stand-ins/fake-tenant.ts';
import { device, FAILURE, flaky, isCancel, NOT_FOUND } from './server-failure-answers.ts';

test.afterEach(removeTempDirs);

test.describe('calls whose 5xx another part weighs are sent once', () => {
  // A rate test counts its calls in a window: one asked again would be a call more than it knows of,
  // and serverFailureAside (tests/fixtures/rate-server-failure.ts) ends the test on the 5xx instead.
  test("the rate tests' client hands a 5xx back as it came", async () => {
    const { driver, sent } = tenant(
      { allowThrottling: true },
      flaky(isCancel, () => NOT_FOUND),
    );
    const client = await driver.freshIdentity(['Machine.Scan']);
    expect((await client.cancel(driver.unknownId())).status).toBe(500);
    expect(sent).toHaveLength(1);
  });

  // The teardown asks a failed cancel again after its own pause (tenant-teardown.ts) and never ends the
  // test: a no-verdict from the policy there left the scan running.
  test('the teardown cancels a scan whose first cancel met a 500', async () => {
    let cancels = 0;
    const { driver, state } = device(() => (++cancels === 1 ? FAILURE : scan('x', undefined, 200)));
    const action = await driver.activeAction();
    await driver.teardown();
    expect(cancels).toBe(2);
    expect(state.created.get(action.id)?.cancelledBy).toBe('teardown');
    expect(takeNoVerdicts()).toEqual([]);
  });
});
