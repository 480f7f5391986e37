import { expect, expectUnchanged, NOT_FOUND_CODES, readState, req, suite, test } from '../fixtures/index.ts';

// A handler that looks an id up in every tenant and checks the state before the tenant refuses another
// tenant's final action as final (telling that it exists, and is final) though its active ones answer
// 404: the active action of tenant-isolation.spec.ts does not show it.
suite('tenant isolation', () => {
  test(
    "another tenant's action in a final state cannot be cancelled: 404, and it stays unchanged",
    req('CANCEL.TENANT'),
    async ({ driver, api, clientFor, need }) => {
      // The stranger first: a tenant run has no second tenant, and is N/A before anything is looked for.
      const stranger = await need(clientFor('other-tenant'));
      const action = await need(driver.finalAction('Succeeded'));
      const before = await readState(api, action.id, { status: 'Succeeded', driver });
      const comment = { Comment: "conformance: another tenant's final action" };
      const plain = await stranger.cancel(action.id, comment);
      expect(plain).toBeErrorEnvelope(404);
      // Nor read: a finished action may be served from an archive of its own, looked up by id alone.
      expect(await stranger.get(action.id), 'a GET of it by the other tenant').toBeErrorEnvelope(
        404,
        NOT_FOUND_CODES,
      );
      // Not under /api/v1.0: another tenant's action there is the active action's test's to judge.
      await expectUnchanged(driver, api, action.id, before);
    },
  );
});
