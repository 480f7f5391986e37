import {
  expect,
  judgeVersionedRefusal,
  MALFORMED_IDS,
  NOT_FOUND_CODES,
  req,
  suite,
  test,
} from '../fixtures/index.ts';

// The nil GUID (RFC 9562): well-formed, and no action's id.
const NIL_ID = '00000000-0000-0000-0000-000000000000';

suite('ids that name no action', () => {
  test(
    'cancel of an unknown id answers 404 NotFound or ResourceNotFound',
    req('CANCEL.NOTFOUND'),
    async ({ driver, api, observe }) => {
      const unknown = driver.unknownId();
      const res = await api.cancel(unknown, { Comment: 'conformance: unknown id' });
      observe.refusal('unknown-id', res);
      expect(res).toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // And again, as a client retries a cancel whose answer it lost: a store of the cancels asked for
      // may take the repeat for a cancel made.
      const retried = await api.cancel(unknown, { Comment: 'conformance: unknown id' });
      expect(retried, 'the same unknown id cancelled again').toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // A GUID in upper case is as well-formed (RFC 9562: hex digits are case-insensitive on input), and
      // a lookup that cares about case may throw on it.
      const upper = await api.cancel(driver.unknownId().toUpperCase(), {
        Comment: 'conformance: unknown id',
      });
      expect(upper, 'an unknown id in upper case').toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // The nil GUID, which a lookup may read as no id given: 404, or 400 from a target that takes it
      // for a malformed one (docs/contract.md#unknown-id); never an action. Not on a tenant, which the
      // run cancels only ids it minted on: one that read the nil GUID as a default row would cancel it.
      if (driver.mode !== 'tenant') {
        const nil = await api.cancel(NIL_ID, { Comment: 'conformance: nil id' });
        expect(nil, 'the nil GUID').toBeErrorEnvelope([400, 404]);
      }
      // Under /api/v1.0 as well: a versioned route may reach a handler of its own. Any refusal will do
      // there: a target that does not serve the prefix breaks PATH.VERSIONED (a SHOULD), not this MUST.
      const versioned = await api.cancel(
        driver.unknownId(),
        { Comment: 'conformance: unknown id' },
        { versioned: true },
      );
      expect(versioned).toHaveStatus('4xx');
    },
  );

  test(
    'GET of an unknown id answers 404 with the error envelope',
    req('GET.NOTFOUND'),
    async ({ driver, api }) => {
      // An id a cancel named first (its answer is CANCEL.NOTFOUND's): a read model that upserts on a
      // cancellation may hold a row for it though it names no action.
      const unknown = driver.unknownId();
      await api.cancel(unknown, { Comment: 'conformance: unknown id, read after' });
      // Its code is NotFound or ResourceNotFound (docs/contract.md#unknown-id), as for the cancel: the read
      // route's not-found mapping may word it apart.
      const plain = await api.get(unknown);
      expect(plain, 'an unknown id a cancel named').toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // And read again, as a client retries a read: a read-through cache may keep a placeholder for a miss.
      expect(await api.get(unknown), 'the same unknown id read again').toBeErrorEnvelope(
        404,
        NOT_FOUND_CODES,
      );
      // In upper case too, as for the cancel: the read route may look ids up its own way.
      expect(
        await api.get(driver.unknownId().toUpperCase()),
        'an unknown id in upper case',
      ).toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // The nil GUID, as for the cancel: 404, or 400 from a target that takes it for a malformed id.
      expect(await api.get(NIL_ID), 'the nil GUID').toBeErrorEnvelope([400, 404]);
      // Under /api/v1.0 as well, as for the cancel: any refusal will do there (PATH.VERSIONED judges a
      // target that does not serve the prefix); a versioned route that makes an action up serves it.
      // A refusal other than the one under /api (another status or code) is PATH.VERSIONED's.
      const versioned = await api.get(driver.unknownId(), { versioned: true });
      expect(versioned).toHaveStatus('4xx');
      judgeVersionedRefusal(plain, versioned);
    },
  );

  for (const id of MALFORMED_IDS) {
    test(
      `cancel and GET of the malformed id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 12)}... (${id.length} chars)` : id)} answer 400 or 404`,
      req('CANCEL.BADID'),
      async ({ api, observe }) => {
        const res = await api.cancel(id, { Comment: 'conformance: malformed id' });
        observe.refusal('malformed-id', res);
        expect(res.status, 'never a server error').toBeLessThan(500);
        expect(res).toBeErrorEnvelope([400, 404]);
        // Under /api/v1.0 too: a versioned route may parse the id its own way. Any 4xx there (a target
        // without the prefix answers 404, PATH.VERSIONED's to judge), never a server error.
        const versioned = await api.cancel(id, { Comment: 'conformance: malformed id' }, { versioned: true });
        expect(versioned, 'under /api/v1.0, never a server error').toHaveStatus('4xx');
        // A GET of it too (docs/contract.md#malformed-id asks what a cancel or a get answers): the read
        // route may parse its id its own way. Not observed: the open point's reading is the cancel's.
        const read = await api.get(id);
        expect(read.status, 'a GET of it, never a server error').toBeLessThan(500);
        expect(read, 'a GET of it').toBeErrorEnvelope([400, 404]);
        // And under /api/v1.0, as the cancel: any 4xx there.
        const versionedRead = await api.get(id, { versioned: true });
        expect(versionedRead, 'a GET of it under /api/v1.0, never a server error').toHaveStatus('4xx');
      },
    );
  }
});
