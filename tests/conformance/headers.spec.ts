import {
  errorCode,
  expect,
  expectUnchanged,
  field,
  readState,
  req,
  sameId,
  statusOf,
  suite,
  test,
} from '../fixtures/index.ts';

suite('request headers', () => {
  for (const contentType of ['text/plain', 'application/xml']) {
    test(
      `a cancel body sent as ${contentType} is refused with 400 or 415 and changes nothing`,
      req('HDR.CONTENTTYPE'),
      async ({ driver, api, need, observe }) => {
        const action = await need(driver.activeAction());
        const before = await readState(api, action.id);
        const res = await api.cancel(
          action.id,
          { Comment: 'conformance: wrong content type' },
          { contentType },
        );
        observe.refusal('body-with-wrong-content-type', res);
        expect(res).toHaveStatus([400, 415]);
        await expectUnchanged(api, action.id, before);
      },
    );
  }

  // Open (docs/contract.md#body-without-content-type): recorded, never asserted.
  test(
    'what a JSON cancel body without Content-Type does is recorded',
    req('HDR.NOCONTENTTYPE'),
    async ({ driver, api, need, observe }) => {
      const action = await need(driver.activeAction());
      const res = await api.cancel(
        action.id,
        { Comment: 'conformance: no content type' },
        { contentType: null },
      );
      observe.acceptedOrRefused('body-without-content-type', res);
      const after = statusOf(await api.get(action.id));
      const code = (res.body as { error?: { code?: string } } | undefined)?.error?.code;
      observe(
        'HDR.NOCONTENTTYPE',
        `answered ${res.status}${code ? ` ${code}` : ''}; the action is then ${after ?? 'unreadable'}`,
      );
    },
  );
});

// The same request under /api/v1.0 and under /api must get the same answer (whatever that is).
suite('versioned path /api/v1.0', () => {
  test(
    'GET under /api/v1.0 answers like GET under /api',
    req('PATH.VERSIONED'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const plain = await api.get(action.id);
      const versioned = await api.get(action.id, { versioned: true });
      expect(versioned).toHaveStatus(plain.status);
      expect(sameId(field(versioned, 'id'), field(plain, 'id')), 'the same action under both paths').toBe(
        true,
      );
      expect(statusOf(versioned)).toBe(statusOf(plain));
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
      const [one, two] = [await need(driver.activeAction()), await need(driver.activeAction())];
      const plain = await api.cancel(one.id, { Comment: 'conformance: cancel' });
      const versioned = await api.cancel(
        two.id,
        { Comment: 'conformance: versioned cancel' },
        { versioned: true },
      );
      expect(versioned).toHaveStatus(plain.status);
      expect(statusOf(versioned)).toBe(statusOf(plain));
    },
  );
});
