import {
  cancelActive,
  cancelsActive,
  expect,
  expectUnchanged,
  firstCancelled,
  judgeAcceptedCancel,
  otherCancelTargets,
  req,
  stateBeforeCall,
  statusAfter,
  suite,
  test,
  unlessThrottled,
} from '../fixtures/index.ts';

suite('cancel request body', () => {
  // No number Comment: a service may read 42 as "42" (docs/contract.md#body-case).
  // `versioned`: the same bodies sent under /api/v1.0 as well, where a versioned route may bind its body
  // its own way: every shape, since a binder may refuse malformed JSON and still stringify an object
  // Comment or read an array body's first item (each costs a request on the same action, no action more).
  // `running`: on emulators the first body sent to the cancel of an InProgress action and of an Isolate
  // action too, where a target may hand a running action's cancel, or another type's, to a channel that
  // binds its body its own way (a tenant would pay a scan more, and starts no other type).
  const bad: { what: string; raws: string[]; versioned?: boolean; running?: boolean }[] = [
    {
      what: 'a malformed JSON body',
      raws: ['{"Comment": "conformance: broken'],
      versioned: true,
      running: true,
    },
    { what: 'a Comment that is an object', raws: ['{"Comment": {"text": "conformance"}}'], versioned: true },
    // Arrays cannot be read as a string or as the body's object any more than an object can.
    { what: 'a Comment that is an array', raws: ['{"Comment": ["conformance"]}'], versioned: true },
    // Whole bodies that are JSON but no object, each in turn on one action. Not null: a service may
    // read it as no body at all, which is open (docs/contract.md#cancel-without-body).
    {
      what: 'a body that is a JSON array, string, number or boolean',
      raws: ['[{"Comment": "conformance: array body"}]', '"conformance: string body"', '42', 'true'],
      versioned: true,
    },
  ];
  for (const { what, raws, versioned, running } of bad) {
    test(
      `${what} is refused with 400 and changes nothing`,
      req('CANCEL.BODY'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction());
        const before = await stateBeforeCall(driver, api, action.id);
        // A final action may be refused for its state first: an action that finished by itself is no verdict.
        const requests = raws.flatMap((raw) => (versioned ? [{ raw }, { raw, versioned }] : [{ raw }]));
        const answers = await cancelsActive(driver, api, action.id, requests);
        // Any 4xx under /api/v1.0 (a target without the prefix answers 404, PATH.VERSIONED's to judge):
        // the state below says whether the body was taken.
        for (const [i, res] of answers.entries()) {
          if (requests[i]!.versioned) expect(res, 'under /api/v1.0').toHaveStatus('4xx');
          else expect(res).toBeErrorEnvelope(400);
        }
        await expectUnchanged(driver, api, action.id, before);
        if (!running || driver.mode === 'tenant') return;
        // And of an action other than a scan (an Isolate action), whose type's handler may bind it its own way.
        for (const [which, arrange] of otherCancelTargets(driver)) {
          const other = await need(arrange());
          const was = await stateBeforeCall(driver, api, other.id);
          const [answer] = await cancelsActive(driver, api, other.id, [{ raw: raws[0]! }]);
          expect(answer!, `the cancel of ${which}`).toBeErrorEnvelope(400);
          await expectUnchanged(driver, api, other.id, was);
        }
      },
    );
  }

  // Open (docs/contract.md#cancel-without-comment): recorded, never asserted.
  test(
    'what a cancel without Comment does is recorded',
    req('CANCEL.NOCOMMENT'),
    async ({ driver, api, need, observe }) => {
      // On a tenant each of its scans may wait up to 30 s to read back and to show a cancel.
      test.slow(driver.mode === 'tenant', 'two scans, each waited for');
      const seen: string[] = [];
      for (const [what, body, point] of [
        ['{}', {}, 'cancel-without-comment'],
        ['no body', null, 'cancel-without-body'],
      ] as const) {
        const action = await need(driver.activeAction());
        // A refusal may be that of a scan finished meanwhile (cancelActive), not of the missing Comment.
        const res = await cancelActive(driver, api, action.id, body);
        unlessThrottled(res);
        const after = await statusAfter(driver, api, action.id, res);
        observe.acceptedOrRefused(point, res, after);
        judgeAcceptedCancel(res, after);
        const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
        seen.push(`${what} → ${res.status}${code ? ` ${code}` : ''}, action ${after ?? 'unreadable'}`);
        // A tenant device runs one scan at a time: one left active is cancelled properly, so the next
        // reading gets an action of its own instead of a duplicate-create refusal.
        if (after === 'Pending' || after === 'InProgress') {
          const cancel = await api.cancel(action.id, {
            Comment: 'conformance: clear before the next reading',
          });
          if (cancel.status === 200) await firstCancelled(driver, api, action.id, cancel);
        }
      }
      observe('CANCEL.NOCOMMENT', seen.join('; '));
    },
  );
});
