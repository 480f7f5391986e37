import {
  cancelActive,
  expect,
  expectUnchanged,
  judgeAcceptedCancel,
  otherCancelTargets,
  req,
  stateBeforeCall,
  statusAfter,
  suite,
  test,
  unlessThrottled,
} from '../fixtures/index.ts';

const FORM = 'application/x-www-form-urlencoded';

suite('request headers', () => {
  // A form type too: a body parser that reads any form-like or unknown type as JSON is still a wrong label.
  // And a type that only begins like JSON's: a media-type check written as a prefix test passes it.
  for (const contentType of ['text/plain', 'application/xml', FORM, 'application/jsonx']) {
    test(
      `a cancel body sent as ${contentType} is refused with 400 or 415 and changes nothing`,
      req('HDR.CONTENTTYPE'),
      async ({ driver, api, need, observe }) => {
        const action = await need(driver.activeAction());
        const before = await stateBeforeCall(driver, api, action.id);
        // A final action may be refused for its state first: an action that finished by itself is no verdict.
        const res = await cancelActive(
          driver,
          api,
          action.id,
          { Comment: 'conformance: wrong content type' },
          { request: { contentType } },
        );
        observe.refusal('body-with-wrong-content-type', res);
        expect(res).toHaveStatus([400, 415]);
        // Under /api/v1.0 too, where a versioned route may bind its body its own way: every label, each a
        // request on the same action (a route may refuse text/plain and read a form or a prefix as JSON).
        // Any 4xx will do there (a target without the prefix answers 404, PATH.VERSIONED's to judge); the
        // state below says whether the body was taken.
        const body = { Comment: 'conformance: wrong content type under /api/v1.0' };
        const request = { contentType, versioned: true };
        expect(await cancelActive(driver, api, action.id, body, { request })).toHaveStatus('4xx');
        // And a body that names no Comment ({}), which the cancel page does not require: a label check that
        // sits in the binding of the Comment never meets it. Refused for its label or for the missing
        // Comment (docs/contract.md#cancel-without-comment), a 400 or 415 either way.
        const bare = await cancelActive(driver, api, action.id, {}, { request: { contentType } });
        expect(bare, 'a body without a Comment').toHaveStatus([400, 415]);
        // A form label with a form body too: a form parser registered beside the JSON one refuses JSON
        // text for the Comment field it lacks (a 400), and reads `Comment=...` as a cancel.
        if (contentType === FORM) {
          const raw = `Comment=${encodeURIComponent('conformance: a form body')}`;
          const form = await cancelActive(driver, api, action.id, null, { request: { contentType, raw } });
          expect(form, 'a form body Comment=...').toHaveStatus([400, 415]);
        }
        await expectUnchanged(driver, api, action.id, before);
        // A running action too, with the commonest wrong label, on emulators (on a tenant it costs a scan
        // more): a target may hand a running action's cancel to a channel that binds its body its own way.
        // And an action other than a scan (an Isolate action), whose type's handler may bind it its own way.
        if (contentType !== 'text/plain' || driver.mode === 'tenant') return;
        for (const [which, arrange] of otherCancelTargets(driver)) {
          const other = await need(arrange());
          const was = await stateBeforeCall(driver, api, other.id);
          const sent = { Comment: `conformance: wrong content type, ${which}` };
          const answer = await cancelActive(driver, api, other.id, sent, { request: { contentType } });
          expect(answer, `the cancel of ${which}`).toHaveStatus([400, 415]);
          await expectUnchanged(driver, api, other.id, was);
        }
      },
    );
  }

  // Open (docs/contract.md#body-without-content-type): recorded, never asserted.
  test(
    'what a JSON cancel body without Content-Type does is recorded',
    req('HDR.NOCONTENTTYPE'),
    async ({ driver, api, need, observe }) => {
      const action = await need(driver.activeAction());
      // A refusal may be that of a scan finished meanwhile (cancelActive), not of the missing type.
      const res = await cancelActive(
        driver,
        api,
        action.id,
        { Comment: 'conformance: no content type' },
        { request: { contentType: null } },
      );
      unlessThrottled(res);
      const after = await statusAfter(driver, api, action.id, res);
      observe.acceptedOrRefused('body-without-content-type', res, after);
      judgeAcceptedCancel(res, after);
      const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
      observe(
        'HDR.NOCONTENTTYPE',
        `answered ${res.status}${code ? ` ${code}` : ''}; the action is then ${after ?? 'unreadable'}`,
      );
    },
  );
});
