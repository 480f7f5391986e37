import { expect, readableId, req, suite, test } from '../fixtures/index.ts';

// AUTH.SCHEME: a valid token under another scheme, or none, is refused by the cancel and the reads.

suite('authentication', () => {
  // No scheme at all as well: a parser that only strips a leading 'Bearer ' takes a bare token.
  // The reads too, as for AUTH.MISSING: a read route's guard may parse the header its own way.
  for (const [what, header] of [
    ['a scheme other than Bearer', (t: string) => `Basic ${t}`],
    ['no scheme', (t: string) => t],
  ] as const) {
    test(
      `a valid token under ${what} answers 401 to a cancel, a GET and a list`,
      req('AUTH.SCHEME'),
      async ({ driver, api }) => {
        const authorization = header(await driver.token('operator'));
        const answers = [
          await api.cancel(driver.unknownId(), undefined, { authorization }),
          await api.get(driver.unknownId(), { authorization }),
          await api.list({ $top: 1 }, { authorization }),
        ];
        for (const res of answers) expect(res).toHaveStatus(401);
        // Under /api/v1.0, as for a forged token: any 4xx to a read of an action that exists.
        const id = await readableId(driver);
        if (id)
          expect(await api.get(id, { authorization, versioned: true }), 'under /api/v1.0').toHaveStatus(
            '4xx',
          );
      },
    );
  }
});
