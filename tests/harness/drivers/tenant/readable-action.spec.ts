import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { NotApplicableError, SafetyInterlockError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { tenant } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// The schema tests read an action and change nothing: on a tenant without MDE_ALLOW_WRITES they take
// one the tenant lists, in any state, and may still not cancel it.
const LISTED = 'cccccccc-0000-4000-8000-000000000003';
const list = (value: unknown[], status = 200) => ({ status, body: { value } });

test.describe('tenant driver: an action to read', () => {
  test('is the first the tenant lists, without writes, and this run may not cancel it', async () => {
    const { driver, sent } = tenant({}, () => list([{ id: LISTED, type: 'Isolate', status: 'InProgress' }]));
    const action = await driver.readableAction();
    expect(action).toMatchObject({ id: LISTED, status: 'InProgress' });
    expect(sent).toEqual(['GET /api/machineactions']);
    const api = await driver.client('operator');
    await expect(api.cancel(LISTED)).rejects.toBeInstanceOf(SafetyInterlockError);
    takeNoVerdicts();
  });

  test('a tenant that lists none makes the test N/A; a list that fails, no verdict', async () => {
    await expect(tenant({}, () => list([])).driver.readableAction()).rejects.toBeInstanceOf(
      NotApplicableError,
    );
    const error = await tenant({}, () => list([], 503))
      .driver.readableAction()
      .catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    takeNoVerdicts();
  });
});
