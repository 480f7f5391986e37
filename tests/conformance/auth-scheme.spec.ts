import { expectBadTokenRefused, req, suite, test } from '../fixtures/index.ts';

// AUTH.SCHEME: a valid token under another scheme, or none, is refused by the cancel and the reads.

suite('authentication', () => {
  // No scheme at all as well: a parser that only strips a leading 'Bearer ' takes a bare token.
  // The reads too, as for AUTH.MISSING: a read route's guard may parse the header its own way.
  for (const [what, header] of [
    ['a scheme other than Bearer', (t: string) => `Basic ${t}`],
    // Schemes are case-insensitive (RFC 9110 §11.1): a check of named schemes as usually written takes this.
    ['a scheme other than Bearer in lower case', (t: string) => `basic ${t}`],
    ['no scheme', (t: string) => t],
  ] as const) {
    test(
      `a valid token under ${what} answers 401 to a cancel, a GET and a list`,
      req('AUTH.SCHEME'),
      async ({ driver, api }) => {
        await expectBadTokenRefused(driver, api, header(await driver.token('operator')));
      },
    );
  }
});
