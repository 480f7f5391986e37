import { expectActiveCancelRefused, expectBadTokenRefused, req, suite, test } from '../fixtures/index.ts';

// AUTH.SCHEME: a valid token under another scheme, or none, is refused by the cancel and the reads.

// No scheme at all as well: a parser that only strips a leading 'Bearer ' takes a bare token. Beside
// Basic, a token scheme of its own (passport-jwt's former 'JWT'), which a guard keeping it beside Bearer takes.
const HEADERS = [
  ['a scheme other than Bearer', (t: string) => [`Basic ${t}`, `JWT ${t}`]],
  // Schemes are case-insensitive (RFC 9110 §11.1): a check of named schemes as usually written takes this.
  ['a scheme other than Bearer in lower case', (t: string) => [`basic ${t}`]],
  ['no scheme', (t: string) => [t]],
] as const;

suite('authentication', () => {
  // The reads too, as for AUTH.MISSING: a read route's guard may parse the header its own way.
  for (const [what, header] of HEADERS) {
    test(
      `a valid token under ${what} answers 401 to a cancel, a GET and a list`,
      req('AUTH.SCHEME'),
      async ({ driver, api }) => {
        for (const authorization of header(await driver.token('operator')))
          await expectBadTokenRefused(driver, api, authorization);
      },
    );
  }

  // A cancel of an active action, under /api and /api/v1.0 (where a versioned route may only decode the
  // token): one action for every header, which only a served cancel changes, as a 401 to an unknown id
  // cannot show.
  test(
    'a valid token under another scheme or none is refused by a cancel of an active action, under /api and /api/v1.0',
    req('AUTH.SCHEME'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const token = await driver.token('operator');
      const tokens = HEADERS.flatMap(([what, header]) =>
        header(token).map((authorization) => ({ what: `under ${what}`, authorization })),
      );
      await expectActiveCancelRefused(driver, api, action.id, tokens);
    },
  );
});
