import type { Exchange } from '../../../src/harness/http/exchange.ts';
import { checkExchange } from '../../../src/harness/http/exchange-checks.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { answer } from '../stand-ins/answers.ts';
import { tenant } from '../stand-ins/fake-tenant.ts';

// AUTH.AUDIENCE's 403 is documented by its status alone, so the checks made on every exchange leave
// its body unjudged (docs/contract.md#audience). They told that token by its aud claim; a tenant's
// token is opaque to its client, and for one that is no JWT a stock {"Message": ...} 403 failed
// SCHEMA.ERROR, a MUST. The driver knows which token it was issued for the other resource.
test.afterEach(removeTempDirs);

function refusedWith(token: string): Exchange {
  return {
    ...answer(403, { Message: 'Authorization has been denied for this request.' }),
    requestHeaders: { authorization: `Bearer ${token}` },
  };
}

test("the 403 to a tenant's opaque token for another resource is left unjudged, as its JWT's is", async () => {
  const { state, driver } = tenant({});
  const opaque = `opaque-arm-token-${Math.random().toString(36).slice(2)}`;
  state.token = async (identity) => (identity === 'other-audience' ? opaque : 'operator-token');
  expect(await driver.token('other-audience')).toBe(opaque);
  expect(checkExchange(refusedWith(opaque))).toEqual([]);
  // The API's own token gets the envelope checked, as PERM.NONE's 403 must.
  expect(checkExchange(refusedWith(await driver.token('operator')))).not.toEqual([]);
});
