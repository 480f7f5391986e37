import {
  cancelActive,
  expect,
  expectJsonMediaType,
  judgedErrorBodies,
  readListed,
  req,
  suite,
  test,
} from '../fixtures/index.ts';

// Every exchange is checked by the client (violations name SCHEMA.*); these tests make dedicated
// exchanges and assert on them, so each schema requirement has a test of its own.
suite('response schemas', () => {
  test(
    'the 200 body of a cancel validates against MachineAction',
    req('SCHEMA.ENTITY'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const res = await cancelActive(driver, api, action.id, { Comment: 'conformance: schema' });
      expect(res).toHaveStatus(200);
      expect(res).toMatchContract('CancelMachineAction');
    },
  );

  test(
    'the 200 body of a GET validates against MachineAction',
    req('SCHEMA.ENTITY'),
    async ({ driver, api, need }) => {
      const action = await need(driver.readableAction());
      // A tenant lists it: the host a GET reaches may not have it for a moment (docs/contract.md#hosts).
      const res = await readListed(driver, api, action.id);
      expect(res).toHaveStatus(200);
      expect(res).toMatchContract('GetMachineAction');
    },
  );

  test(
    'the 200 body of a list validates against the collection',
    req('SCHEMA.ENTITY'),
    async ({ driver, api, need }) => {
      await need(driver.readableAction());
      // The list renders its rows apart from a GET, and a row in one status may break the schema where
      // the others do not: where the test can arrange them, the list holds every status. A tenant's list
      // holds what its operators left (arranging a final state there would take a whole device's scan).
      if (driver.mode !== 'tenant') {
        await driver.activeAction('InProgress');
        const succeeded = await driver.finalAction('Succeeded');
        for (const status of ['Failed', 'TimeOut', 'Cancelled'] as const) await driver.finalAction(status);
        // And a scan left to run its course, as a tenant's list holds many: a status a device reports may
        // reach the answer by another path than one a call or a seed set. Five minutes is past the
        // emulator's own lifecycle; one that takes longer lists the scan as still active.
        const scan = await need(driver.createAction(String(succeeded.machineId)));
        if (scan.status === 201) await driver.advanceClock(300);
      }
      const res = await api.list({ $top: 10 });
      expect(res).toHaveStatus(200);
      expect(res).toMatchContract('ListMachineActions');
      // And asked for its count, as clients reconcile (`$count=true`: docs/contract.md#list): the count
      // is a member of its own, an integer where it is sent. Whether the option is served is not
      // documented, so only a 200 is judged.
      const counted = await api.list({ $top: 10, $count: true });
      if (counted.status === 200) expect(counted, 'with $count=true').toMatchContract('ListMachineActions');
      // And under /api/v1.0, whose list route may render its rows apart (one built on the older docs'
      // entity model spells a status its own way). Only a 200 is judged: a versioned list that is not
      // served is PATH.VERSIONED's.
      const versioned = await api.list({ $top: 10 }, { versioned: true });
      if (versioned.status === 200)
        expect(versioned, 'under /api/v1.0').toMatchContract('ListMachineActions');
    },
  );

  // Several requests that a target refuses for different reasons: every error body among the answers
  // must be the error envelope (at least one of them has to be an error for the test to mean anything).
  test('error bodies validate against the error envelope', req('SCHEMA.ERROR'), async ({ driver, api }) => {
    const answers = [
      await api.cancel(driver.unknownId(), { Comment: 'conformance: schema unknown' }),
      await api.get(driver.unknownId()),
      await api.cancel(driver.unknownId(), undefined, { authorization: null }),
      await api.cancel('not-a-guid', { Comment: 'conformance: schema malformed' }),
      // A list whose $filter is no OData expression: an OData layer may word its 400 (ODataError,
      // docs/contract.md#error-codes) itself. A target that lists anyway has nothing judged here.
      await api.list({ $filter: 'status eq' }),
    ];
    // And a GET and a list by an app holding no read role, on emulators (a tenant's apps hold what their
    // owners granted): the read routes may refuse through a filter of their own, worded apart.
    if (driver.mode !== 'tenant') {
      const canceller = await driver.freshIdentity(['Machine.Scan']);
      answers.push(await canceller.get(driver.unknownId()), await canceller.list({ $top: 1 }));
    }
    // Less the bodies the contract leaves open (a 401 to a request with a token: that read may be one).
    const errors = judgedErrorBodies(answers);
    expect(errors.length, 'at least one of the requests is refused with a body').toBeGreaterThan(0);
    for (const res of errors) expect(res).toMatchContract();
  });

  test(
    'JSON answers carry Content-Type application/json',
    req('SCHEMA.CONTENTTYPE'),
    async ({ driver, api, need }) => {
      const action = await need(driver.readableAction());
      // And to a client that asks for anything (curl, Python's requests: Accept */*), still JSON; and to
      // one that names no media type at all (.NET's HttpClient sends no Accept unless told to).
      const anything = await api.get(action.id, { accept: '*/*' });
      const unasked = await api.get(action.id, { accept: null });
      // And to axios's default, which lists text/plain beside JSON: the body is JSON all the same, and a
      // text formatter chosen for it mislabels it (docs/contract.md#json-media-type: whatever the Accept).
      const axios = await api.get(action.id, { accept: 'application/json, text/plain, */*' });
      const answers = [
        await api.get(action.id),
        await api.cancel(driver.unknownId()),
        anything,
        unasked,
        axios,
      ];
      for (const res of answers) expectJsonMediaType(res);
    },
  );
});
