import {
  type Exchange,
  expect,
  expectUnchanged,
  field,
  judgeVersionedRefusal,
  listPages,
  NOT_FOUND_CODES,
  req,
  sameId,
  stateBeforeCall,
  suite,
  test,
} from '../fixtures/index.ts';

// Another tenant's action, read, listed or cancelled by a stranger: never found (its final actions:
// tenant-final.spec.ts). Under /api/v1.0 the stranger must be refused; how a target without that prefix
// refuses it (a 404 without the envelope, a 400) is PATH.VERSIONED's, a SHOULD: held to the 404 envelope
// here, such a target failed this MUST though no tenant's action was read or cancelled. A refusal other
// than the one under /api (`plain`) is recorded for PATH.VERSIONED.
function expectNotServed(plain: Exchange, res: Exchange): void {
  expect(res).toHaveStatus('4xx');
  judgeVersionedRefusal(plain, res);
}

// How far CANCEL.TENANT's read and cancel move an emulator's clock on before they try the action again.
const AGED_SECONDS = 2 * 86_400;

suite('tenant isolation', () => {
  test(
    "another tenant's action cannot be read: 404",
    req('CANCEL.TENANT'),
    async ({ driver, api, clientFor, need }) => {
      // The stranger first: a tenant run has no second tenant, and is N/A before a scan is asked for.
      const stranger = await need(clientFor('other-tenant'));
      const action = await need(driver.activeAction());
      // Read by its own tenant first, as it is in use: a response cache in front of the authentication
      // answers a path it has served before to anyone. 404s with an unknown id's code: one of their own
      // tells that the id exists (docs/contract.md#unknown-id).
      await api.get(action.id);
      const plain = await stranger.get(action.id);
      expect(plain).toBeErrorEnvelope(404, NOT_FOUND_CODES);
      expectNotServed(plain, await stranger.get(action.id, { versioned: true }));
      // Its id in upper case is the same GUID (RFC 9562): a lookup that searches such ids apart may skip
      // the tenant. Any refusal will do (CANCEL.NOTFOUND judges how an upper-case id is refused).
      expect(await stranger.get(action.id.toUpperCase()), 'its id in upper case').toHaveStatus('4xx');
      // A running action too, as its cancel is tried below: its state may be read from its device by a
      // channel that looks the id up its own way.
      const running = await need(driver.activeAction('InProgress'));
      expect(await stranger.get(running.id), 'its InProgress action').toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // And an action of another type than a scan, as its cancel is tried below: the tenant may be
      // checked in a scan's read mapper alone.
      const isolate = await need(driver.activeActionOfType('Isolate'));
      expect(await stranger.get(isolate.id), 'its Isolate action').toBeErrorEnvelope(404, NOT_FOUND_CODES);
      // And once the action is days old (an emulator's clock, as a second tenant needs one): older
      // actions may be read from a store of their own, looked up by id alone.
      await driver.advanceClock(AGED_SECONDS);
      expect(await stranger.get(action.id), 'read days later').toBeErrorEnvelope(404, NOT_FOUND_CODES);
    },
  );

  // Reading is listing too: a list that forgets the tenant shows every tenant's actions, ids included.
  test(
    "another tenant's action is not in that tenant's list",
    req('CANCEL.TENANT'),
    async ({ driver, api, clientFor, need }) => {
      const stranger = await need(clientFor('other-tenant'));
      const action = await need(driver.activeAction());
      // And a running action of the tenant, in none of the lists either: running actions may be merged
      // into a list from the devices' live view, kept apart from the tenants' stores.
      const running = await need(driver.activeAction('InProgress'));
      // Listed by its own tenant first, as clients poll an action (by id): an output cache that varies
      // by the URL alone answers the stranger's same URL with this tenant's page.
      await api.list({ $filter: `id eq '${action.id}'` });
      // Filtered by the id, by its device, and not filtered at all (a target may scope the tenant with
      // the filter only, or serve a device's actions from an index of devices, whose ids are unique
      // anyway), under /api and /api/v1.0 (a versioned route may build its query apart).
      const queries: [string, Record<string, string | number>][] = [
        ['filtered by its id', { $filter: `id eq '${action.id}'` }],
        // Its id in upper case is the same GUID, as for the read by id.
        ['filtered by its id in upper case', { $filter: `id eq '${action.id.toUpperCase()}'` }],
        ['without $filter', {}],
        // The operators clients reconcile with (`in`: docs/contract.md#list) and OData's `or`: a batch
        // lookup of ids, or a tenant clause joined as text (`and` binds tighter), may skip the tenant.
        // A target that refuses either operator shows nothing, which is as right.
        ['filtered by its id with in', { $filter: `id in ('${action.id}')` }],
        [
          'filtered by another id or its id',
          { $filter: `id eq '${driver.unknownId()}' or id eq '${action.id}'` },
        ],
        // Sorted, as clients reconcile (`$orderby`: docs/contract.md#list), and paged with the documented
        // `$top` and `$skip`: a sorted or paged query may be served from an index of every tenant. A
        // target that refuses either option shows nothing, which is as right.
        [
          'filtered by its id and sorted',
          { $filter: `id eq '${action.id}'`, $orderby: 'creationDateTimeUtc desc' },
        ],
        ['filtered by its id, a page of one', { $filter: `id eq '${action.id}'`, $top: 1, $skip: 0 }],
        // And counted, as clients reconcile (`$count=true`: docs/contract.md#list): a counted query may be
        // served from an index of every tenant too. Only the rows are judged: whether @odata.count may
        // count other tenants' actions is left open.
        ['filtered by its id and counted', { $filter: `id eq '${action.id}'`, $count: 'true' }],
      ];
      // machineId may be null or left out (docs/contract.md#machine-action-fields): no such filter then.
      if (action.machineId)
        queries.push(['filtered by its device', { $filter: `machineId eq '${action.machineId}'` }]);
      // By its requestor and its type too, the documented OData example's fields: an app id is shared by a
      // multi-tenant app's tenants, so an index of requestors may skip the tenant check as well. And by
      // its status, the other documented field whose values every tenant shares.
      for (const [what, name] of [
        ['filtered by its requestor', 'requestor'],
        ['filtered by its type', 'type'],
        ['filtered by its status', 'status'],
      ] as const) {
        const value = action[name];
        // An OData string literal doubles its quotes.
        if (typeof value === 'string' && value)
          queries.push([what, { $filter: `${name} eq '${value.replaceAll("'", "''")}'` }]);
      }
      // And by its requestor and type together, the list page's documented compound example: a target may
      // serve a filter of several terms from an index of its own (a search index of every tenant).
      const { requestor, type } = action;
      if (typeof requestor === 'string' && requestor && typeof type === 'string' && type)
        queries.push([
          'filtered by its requestor and its type',
          {
            $filter: `requestor eq '${requestor.replaceAll("'", "''")}' and type eq '${type.replaceAll("'", "''")}'`,
          },
        ]);
      // And by its creation time, the documented range filter (a DateTimeOffset literal is written bare).
      if (typeof action.creationDateTimeUtc === 'string' && action.creationDateTimeUtc)
        queries.push([
          'filtered from its creation time',
          { $filter: `creationDateTimeUtc ge ${action.creationDateTimeUtc}` },
        ]);
      const lists = queries.flatMap(([what, query]) => [
        { what, query, versioned: false },
        { what: `${what} under /api/v1.0`, query, versioned: true },
      ]);
      for (const { what, query, versioned } of lists) {
        for await (const res of listPages(stranger, query, { versioned })) {
          // A refused list shows nothing; a served one must not hold the action.
          const rows = res.status === 200 ? field(res, 'value') : [];
          const ids = Array.isArray(rows) ? rows.map((row) => (row as { id?: unknown }).id) : [];
          const shown = [action.id, running.id].filter((mine) => ids.some((id) => sameId(id, mine)));
          expect(
            shown,
            `the other tenant's list ${what} (${res.status}) shows none of this tenant's actions (${action.id}, running ${running.id})`,
          ).toEqual([]);
        }
      }
    },
  );

  test(
    "another tenant's action cannot be cancelled: 404, and it stays unchanged",
    req('CANCEL.TENANT'),
    async ({ driver, api, clientFor, need }) => {
      // The stranger first: a tenant run has no second tenant, and is N/A before a scan is asked for.
      const stranger = await need(clientFor('other-tenant'));
      const action = await need(driver.activeAction());
      const before = await stateBeforeCall(driver, api, action.id);
      const comment = { Comment: 'conformance: other tenant' };
      const plain = await stranger.cancel(action.id, comment);
      expect(plain).toBeErrorEnvelope(404);
      // Under /api/v1.0 too: a versioned route may reach another handler.
      expectNotServed(plain, await stranger.cancel(action.id, comment, { versioned: true }));
      // Its id in upper case too, as for the read.
      expect(await stranger.cancel(action.id.toUpperCase(), comment), 'its id in upper case').toHaveStatus(
        '4xx',
      );
      // And with no Comment ({}) and with no body: a tenant scoped beside the validation of the Comment
      // skips a cancel without one. Any refusal will do (a target may refuse the missing Comment first).
      for (const bare of [{}, null])
        expect(
          await stranger.cancel(action.id, bare),
          `a cancel with ${bare ? '{}' : 'no body'}`,
        ).toHaveStatus('4xx');
      // A cancel queued past the tenant check would show only later: on an emulator, which this test
      // needs (a second tenant), expectUnchanged reads to the end of the bounded wait too.
      await expectUnchanged(driver, api, action.id, before);
      // A running action too: its cancel may be handed to the device by a channel that looks the id up
      // its own way.
      const running = await need(driver.activeAction('InProgress'));
      const was = await stateBeforeCall(driver, api, running.id);
      expect(await stranger.cancel(running.id, comment), 'its InProgress action').toBeErrorEnvelope(404);
      await expectUnchanged(driver, api, running.id, was);
      // And an action of another type than a scan: the tenant may be checked in a scan's handler alone.
      const isolate = await need(driver.activeActionOfType('Isolate'));
      const held = await stateBeforeCall(driver, api, isolate.id);
      expect(await stranger.cancel(isolate.id, comment), 'its Isolate action').toBeErrorEnvelope(404);
      await expectUnchanged(driver, api, isolate.id, held);
      // And once the action is days old, as for the read: older actions may be kept in a store of their own.
      await driver.advanceClock(AGED_SECONDS);
      const aged = await stateBeforeCall(driver, api, action.id);
      expect(await stranger.cancel(action.id, comment), 'the action days later').toBeErrorEnvelope(404);
      await expectUnchanged(driver, api, action.id, aged);
    },
  );
});
