import { expect, req, suite, test } from '../../fixtures/index.ts';

suite('expired tokens', () => {
  test('an expired token answers 401', req('AUTH.EXPIRED'), async ({ driver, api, need }) => {
    const token = await need(driver.token('expired'));
    const res = await api.cancel(driver.unknownId(), undefined, { authorization: `Bearer ${token}` });
    expect(res).toHaveStatus(401);
  });
});
