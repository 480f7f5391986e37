import { decodeJwt } from 'jose';
import {
  expect,
  expectBadTokenRefused,
  expectVersionedCancelRefused,
  notApplicable,
  readableId,
  req,
  suite,
  test,
} from '../../fixtures/index.ts';

// Past a token's exp, with a margin for a target whose clock runs a little behind the issuer's.
const PAST_EXPIRY_SECONDS = 600;

suite('expired tokens', () => {
  // The reads too, as for AUTH.MISSING: a read route's guard may check the signature and not the time.
  test(
    'an expired token answers 401 to a cancel, a GET and a list',
    req('AUTH.EXPIRED'),
    async ({ driver, api, need }) => {
      const authorization = `Bearer ${await need(driver.token('expired'))}`;
      await expectBadTokenRefused(driver, api, authorization);
      // A cancel under /api/v1.0 too, of an active action: a versioned route may only decode the token.
      const action = await need(driver.activeAction());
      await expectVersionedCancelRefused(driver, api, action.id, [
        { what: 'that has expired', authorization },
      ]);
    },
  );

  // A target may keep the tokens it has verified (a cache): the expiry must hold on every call, not
  // only on the first call that brings a token, which the test above is.
  test(
    'a token used while valid answers 401 to a cancel, a GET and a list once it has expired',
    req('AUTH.EXPIRED'),
    async ({ driver, api, need }) => {
      if (driver.mode === 'tenant')
        await need(
          notApplicable(
            'an expired token needs an hour of real time on a tenant; there is no clock to advance',
          ),
        );
      const token = await driver.token('operator');
      const authorization = `Bearer ${token}`;
      // Their answers are not judged here: these calls only show the target the token while it is valid,
      // on the cancel and on the reads (a read path may keep the callers it verified apart).
      // The GET names an action that exists: a served read then answers 200, not an unknown id's 404.
      const id = (await readableId(driver)) ?? driver.unknownId();
      await api.cancel(driver.unknownId(), undefined, { authorization });
      await api.get(id, { authorization });
      await api.list({ $top: 1 }, { authorization });
      const exp = decodeJwt(token).exp;
      const nowSeconds = (await driver.clockNow()).getTime() / 1000;
      const left = typeof exp === 'number' ? Math.max(0, exp - nowSeconds) : 3600;
      await driver.advanceClock(Math.ceil(left) + PAST_EXPIRY_SECONDS);
      const answers = [
        await api.cancel(driver.unknownId(), undefined, { authorization }),
        await api.get(id, { authorization }),
        await api.list({ $top: 1 }, { authorization }),
      ];
      for (const res of answers) expect(res).toHaveStatus(401);
    },
  );
});
