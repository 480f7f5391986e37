import { decodeJwt } from 'jose/jwt/decode';
import {
  expect,
  expectActiveCancelRefused,
  expectBadTokenRefused,
  notApplicable,
  readableId,
  req,
  suite,
  test,
} from '../../fixtures/index.ts';

// Past a token's exp, with a margin for a target whose clock runs a little behind the issuer's.
const PAST_EXPIRY_SECONDS = 600;
// How long before its exp a valid token is shown again, well inside any lifetime an issuer gives.
const SHOWN_BEFORE_EXPIRY_SECONDS = 60;

suite('expired tokens', () => {
  // The reads too, as for AUTH.MISSING: a read route's guard may check the signature and not the time.
  test(
    'an expired token answers 401 to a cancel, a GET and a list',
    req('AUTH.EXPIRED'),
    async ({ driver, api, need }) => {
      const authorization = `Bearer ${await need(driver.token('expired'))}`;
      await expectBadTokenRefused(driver, api, authorization);
      // A cancel of an active action too, under /api and /api/v1.0 (a versioned route may only decode the
      // token): only the action tells a served cancel from a refused one.
      const action = await need(driver.activeAction());
      await expectActiveCancelRefused(driver, api, action.id, [{ what: 'that has expired', authorization }]);
    },
  );

  // A target may keep the tokens it has verified (a cache): the expiry must hold on every call, not
  // only on the first call that brings a token, which the test above is. Shown just after it was issued
  // and again a minute before it expires: a cache that keeps a token for a time of its own (a quarter of
  // an hour, say) rather than to its exp still holds the second sighting when it is judged.
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
      const show = async () => {
        await api.cancel(driver.unknownId(), undefined, { authorization });
        await api.get(id, { authorization });
        await api.list({ $top: 1 }, { authorization });
      };
      await show();
      const exp = decodeJwt(token).exp;
      const nowSeconds = (await driver.clockNow()).getTime() / 1000;
      const left = Math.ceil(typeof exp === 'number' ? Math.max(0, exp - nowSeconds) : 3600);
      if (left > SHOWN_BEFORE_EXPIRY_SECONDS) {
        await driver.advanceClock(left - SHOWN_BEFORE_EXPIRY_SECONDS);
        await show();
      }
      await driver.advanceClock(Math.min(left, SHOWN_BEFORE_EXPIRY_SECONDS) + PAST_EXPIRY_SECONDS);
      const answers = [
        await api.cancel(driver.unknownId(), undefined, { authorization }),
        await api.get(id, { authorization }),
        await api.list({ $top: 1 }, { authorization }),
      ];
      for (const res of answers) expect(res).toHaveStatus(401);
    },
  );
});
