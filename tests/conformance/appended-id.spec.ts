import { expect, expectUnchanged, req, stateBeforeCall, suite, test } from '../fixtures/index.ts';

// An action's id with a character appended is no GUID (docs/contract.md#malformed-id), yet a lookup
// that cuts the id to a GUID's length (a parameter sized to the id column) reads it as the action's and
// cancels it. Only a live action's id shows that: the malformed ids of not-found.spec.ts name nothing.
suite('ids that name no action', () => {
  test(
    "cancel of an active action's id with characters appended answers 400 or 404 and changes nothing",
    req('CANCEL.BADID'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const before = await stateBeforeCall(driver, api, action.id);
      const res = await api.cancel(`${action.id}0`, {
        Comment: 'conformance: an id with a character appended',
      });
      expect(res.status, 'never a server error').toBeLessThan(500);
      expect(res).toBeErrorEnvelope([400, 404]);
      // And with ';v=1' appended, which the client sends as %3Bv%3D1: data (RFC 3986 §2.2), so a servlet
      // container, which strips a literal ';' alone, keeps it in the id. A server (or a proxy before it)
      // that decodes the path before it strips path parameters (`;jsessionid=...`) reads the GUID.
      const params = await api.cancel(`${action.id};v=1`, {
        Comment: 'conformance: an id with ;v=1 appended',
      });
      expect(params.status, "with ';v=1' appended, never a server error").toBeLessThan(500);
      expect(params, "the id with ';v=1' appended").toBeErrorEnvelope([400, 404]);
      // And under /api/v1.0, where a versioned route may bind the id its own way: any 4xx there (a
      // target without the prefix answers 404, PATH.VERSIONED's to judge); the state says whether it cancelled.
      const versioned = await api.cancel(
        `${action.id}0`,
        { Comment: 'conformance: an id with a character appended, under /api/v1.0' },
        { versioned: true },
      );
      expect(versioned, 'the id with a character appended, under /api/v1.0').toHaveStatus('4xx');
      await expectUnchanged(driver, api, action.id, before);
    },
  );
});
