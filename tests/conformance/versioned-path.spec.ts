import {
  ACTION_TYPES,
  cancelActive,
  cancelTookEffect,
  type Exchange,
  errorCode,
  expect,
  expectReadAlike,
  field,
  firstCancelled,
  judgeVersionedCancelFields,
  laterOrSame,
  notApplicable,
  readBothPaths,
  req,
  sameId,
  sameStage,
  statusOf,
  suite,
  test,
  unlessAnsweredEndedByItself,
} from '../fixtures/index.ts';

// The same request under /api/v1.0 and under /api must get the same answer (whatever that is).
suite('versioned path /api/v1.0', () => {
  test(
    'GET under /api/v1.0 answers like GET under /api',
    req('PATH.VERSIONED'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      // A tenant's GETs may come from replicas that lag one another: a read behind the one before it
      // is read again (docs/contract.md#replica-reads). The status alone of the scan's answer: its
      // last update need not be printed as a GET prints it.
      const { plain, versioned } = await readBothPaths(driver, api, action.id, { status: action.status });
      expect(versioned).toHaveStatus(plain.status);
      expect(sameId(field(versioned, 'id'), field(plain, 'id')), 'the same action under both paths').toBe(
        true,
      );
      // Two reads: a real device may have started the scan in between.
      expect(
        laterOrSame(statusOf(plain), statusOf(versioned)),
        `status under /api/v1.0 (${statusOf(versioned)}) is the one under /api (${statusOf(plain)}) or a later step of the action's lifecycle`,
      ).toBe(true);
      // Once the action has changed too: a versioned route may keep what it answered first (a cache).
      // Whether the cancel is accepted is CANCEL.*'s to judge (a tenant's scan may have ended by itself):
      // both paths must show the same either way.
      const cancel = await api.cancel(action.id, { Comment: 'conformance: versioned read' });
      const shown = cancel.status === 200 ? await firstCancelled(driver, api, action.id, cancel) : undefined;
      const after = await readBothPaths(driver, api, action.id, { status: statusOf(shown ?? plain) });
      expect(after.versioned).toHaveStatus(after.plain.status);
      expect(
        laterOrSame(statusOf(after.plain), statusOf(after.versioned)),
        `after a cancel, status under /api/v1.0 (${statusOf(after.versioned)}) is the one under /api (${statusOf(after.plain)}) or a later step of the action's lifecycle`,
      ).toBe(true);
      // And the same cancellation, where both show one: a versioned route may render the entity its own
      // way. Null and absent alike (any member but four may be left out).
      if (statusOf(after.plain) === 'Cancelled' && statusOf(after.versioned) === 'Cancelled')
        for (const key of ['cancellationComment', 'cancellationRequestor'])
          expect(field(after.versioned, key) ?? null, `${key} under /api/v1.0 is the one under /api`).toEqual(
            field(after.plain, key) ?? null,
          );
      // And an action its device finished, which a versioned read route may look up its own way (a live
      // store without the archive of finished actions). Emulators only: a tenant's final actions are
      // whatever its list holds, and this test needs none of them.
      if (driver.mode === 'tenant') return;
      const done = await need(driver.finalAction('Succeeded'));
      const final = await readBothPaths(driver, api, done.id, { status: 'Succeeded' });
      expect(final.versioned, 'a Succeeded action under /api/v1.0').toHaveStatus(final.plain.status);
      expect(statusOf(final.versioned), 'its status under /api/v1.0').toBe(statusOf(final.plain));
      // And a running action, whose progress a versioned read route may not learn of (a store of the
      // requests made, not of what the devices report). Emulators only, as above: a tenant starts
      // nothing but Pending scans, and its device decides when one runs.
      const running = await need(driver.activeAction('InProgress'));
      expectReadAlike(
        'an InProgress action',
        await readBothPaths(driver, api, running.id, { status: 'InProgress' }),
      );
      // And an action of every other type, which a versioned read route may not know (one ported for
      // scans alone). Emulators only, as above: a tenant run starts nothing but scans.
      for (const type of ACTION_TYPES.filter((t) => t !== 'RunAntiVirusScan')) {
        const other = await need(driver.activeActionOfType(type));
        expectReadAlike(`a ${type} action`, await readBothPaths(driver, api, other.id, other));
      }
    },
  );

  // "The operations": the list too. Other callers may add actions between the two lists, so the rows
  // are never compared: the status, the shape, and that $top holds there too (a versioned route may
  // drop the query options). An emulator's tenant is empty, so the test gives it two actions first.
  test(
    'the list under /api/v1.0 answers like the list under /api',
    req('PATH.VERSIONED'),
    async ({ driver, api, need }) => {
      if (driver.mode !== 'tenant') for (const _ of [1, 2]) await need(driver.readableAction());
      const plain = await api.list({ $top: 1 });
      const versioned = await api.list({ $top: 1 }, { versioned: true });
      expect(versioned).toHaveStatus(plain.status);
      expect(
        Array.isArray(field(versioned, 'value')),
        'a collection under /api/v1.0 exactly when one under /api',
      ).toBe(Array.isArray(field(plain, 'value')));
      const [rows, rowsPlain] = [versioned, plain].map((res) => {
        const value = field(res, 'value');
        return Array.isArray(value) ? value.length : 0;
      });
      expect(
        rows,
        `rows of $top=1 under /api/v1.0 (${rows}): at most one, as under /api (${rowsPlain})`,
      ).toBeLessThanOrEqual(Math.max(1, rowsPlain!));
      // And $filter, which a versioned route may drop while it forwards the paging options: filtered by
      // the id of the row /api gave, judged where /api applies the filter (it shows that action alone).
      // Rows may lag under either path (docs/contract.md#hosts): a row of another action is the failure.
      const id = rowIds(plain)[0];
      if (typeof id !== 'string') return;
      const query = { $filter: `id eq '${id}'` };
      const [byId, byIdVersioned] = [await api.list(query), await api.list(query, { versioned: true })];
      if (byId.status !== 200 || !rowIds(byId).every((row) => sameId(row, id))) return;
      expect(byIdVersioned, 'the list filtered by id under /api/v1.0').toHaveStatus(200);
      const others = rowIds(byIdVersioned).filter((row) => !sameId(row, id));
      expect(
        others,
        `rows of the list filtered by id ${id} under /api/v1.0 that are other actions (under /api: none)`,
      ).toEqual([]);
    },
  );

  test(
    'cancel of an unknown id under /api/v1.0 answers like under /api',
    req('PATH.VERSIONED'),
    async ({ driver, api }) => {
      const plain = await api.cancel(driver.unknownId(), { Comment: 'conformance: unknown' });
      const versioned = await api.cancel(
        driver.unknownId(),
        { Comment: 'conformance: unknown' },
        { versioned: true },
      );
      expect(versioned).toHaveStatus(plain.status);
      expect(errorCode(versioned)).toBe(errorCode(plain));
    },
  );

  test(
    'cancel of an active action under /api/v1.0 answers like under /api',
    req('PATH.VERSIONED'),
    async ({ driver, api, need }) => {
      // On a tenant each scan may wait up to 30 s to read back, and the first one's cancel to show.
      test.slow(driver.mode === 'tenant', 'two scans, one after the other');
      const one = await need(driver.activeAction());
      // Either scan may finish by itself before its cancel (cancelActive ends the test without a verdict).
      const plain = await cancelActive(driver, api, one.id, { Comment: 'conformance: cancel' });
      // A device runs one scan at a time (docs/contract.md#duplicate-create): the second starts only once
      // the first shows Cancelled, which may be shortly after the 200 (docs/contract.md#cancel-answer-status).
      const plainTookEffect = await cancelTookEffect(driver, api, one.id, plain);
      const two = await need(driver.activeAction());
      if (sameId(two.id, one.id))
        await need(
          notApplicable(
            `the second scan answered with the first action ${one.id} (duplicate-create "return-existing"), so there is no second active action to cancel under /api/v1.0`,
          ),
        );
      const comment = 'conformance: versioned cancel';
      const versioned = await cancelActive(
        driver,
        api,
        two.id,
        { Comment: comment },
        { request: { versioned: true } },
      );
      judgeVersionedCancelFields(versioned, comment);
      expect(versioned).toHaveStatus(plain.status);
      // The same entity, named as under /api: a versioned route may answer a cancellation request it
      // queued instead of the action. Judged where the 200 under /api names its action (CANCEL.OK's).
      if (plain.status === 200 && versioned.status === 200 && sameId(field(plain, 'id'), one.id))
        expect(
          sameId(field(versioned, 'id'), two.id),
          `the 200 under /api/v1.0 names the action asked for (${two.id}, got ${JSON.stringify(field(versioned, 'id'))}), as under /api`,
        ).toBe(true);
      await unlessAnsweredEndedByItself(driver, api, [one.id, plain], [two.id, versioned]);
      // Two actions: one device may have started its scan and the other not yet.
      expect(
        sameStage(statusOf(versioned), statusOf(plain)),
        `status under /api/v1.0 (${statusOf(versioned)}) matches the one under /api (${statusOf(plain)}): the same, or both still active`,
      ).toBe(true);
      // The same answer is not enough: the cancel must also change the stored action as it did under /api.
      expect(
        await cancelTookEffect(driver, api, two.id, versioned),
        `a GET shows the action cancelled under /api/v1.0 ${plainTookEffect ? 'as' : 'no more than'} under /api`,
      ).toBe(plainTookEffect);
    },
  );
});

// The ids of a list answer's rows (none when it holds no collection).
function rowIds(res: Exchange): unknown[] {
  const value = field(res, 'value');
  return Array.isArray(value) ? value.map((row) => (row as { id?: unknown } | null)?.id) : [];
}
