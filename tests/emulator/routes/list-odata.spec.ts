import { errorCode, expect, test } from '../emulator-fixture.ts';

test.describe('list with OData query options', () => {
  let token: string;
  let ids: Record<string, string>;

  test.beforeEach(async ({ emu }) => {
    token = await emu.token();
    ids = {};
    for (const [status, type] of [
      ['Pending', 'RunAntiVirusScan'],
      ['Succeeded', 'Isolate'],
      ['Failed', 'Offboard'],
      ['Cancelled', 'RunAntiVirusScan'],
    ] as const) {
      ids[status] = (await emu.seed(status, { type, requestor: `${status.toLowerCase()}@contoso.example` }))
        .id as string;
      await emu.advance(60);
    }
  });

  const list = async (emu: import('../emulator-fixture.ts').Emu, query: string) =>
    emu.call('GET', `/api/machineactions${query}`, { token });

  test('without options, every action of the tenant in creation order, with @odata.context', async ({
    emu,
  }) => {
    const body = (await list(emu, '')).json();
    expect(body['@odata.context']).toMatch(/\/api\/\$metadata#MachineActions$/);
    expect(body.value.map((a: { id: string }) => a.id)).toEqual(Object.values(ids));
  });

  const cases: [string, string[]][] = [
    ["status eq 'Pending'", ['Pending']],
    ["status ne 'Pending'", ['Succeeded', 'Failed', 'Cancelled']],
    ["status in ('Failed','Cancelled')", ['Failed', 'Cancelled']],
    ["type eq 'RunAntiVirusScan' and status eq 'Cancelled'", ['Cancelled']],
    ["status eq 'Failed' or type eq 'Isolate'", ['Succeeded', 'Failed']],
    ["requestor eq 'failed@contoso.example'", ['Failed']],
    ['creationDateTimeUtc ge 2026-01-05T09:01:00Z', ['Succeeded', 'Failed', 'Cancelled']],
    ["creationDateTimeUtc lt '2026-01-05T09:01:00Z'", ['Pending']],
    [
      'creationDateTimeUtc gt 2026-01-05T09:01:00Z and creationDateTimeUtc le 2026-01-05T09:02:00Z',
      ['Failed'],
    ],
  ];
  for (const [filter, expected] of cases) {
    test(`$filter=${filter} selects ${expected.join(', ')}`, async ({ emu }) => {
      const body = (await list(emu, `?$filter=${encodeURIComponent(filter)}`)).json();
      expect(body.value.map((a: { id: string }) => a.id)).toEqual(expected.map((s) => ids[s]));
    });
  }

  test('$filter on id and machineId finds one action', async ({ emu }) => {
    const body = (await list(emu, `?$filter=${encodeURIComponent(`id eq '${ids['Failed']}'`)}`)).json();
    expect(body.value).toHaveLength(1);
  });

  test('$top, $skip, $orderby and $count page and sort', async ({ emu }) => {
    const body = (await list(emu, '?$orderby=creationDateTimeUtc desc&$top=2&$skip=1&$count=true')).json();
    expect(body['@odata.count']).toBe(4);
    expect(body.value.map((a: { id: string }) => a.id)).toEqual([ids['Failed'], ids['Succeeded']]);
  });

  test('$top=0 answers an empty page; $top=10000 is the largest allowed', async ({ emu }) => {
    expect((await list(emu, '?$top=0')).json().value).toEqual([]);
    expect((await list(emu, '?$top=10000')).statusCode).toBe(200);
  });

  for (const query of [
    '?$top=10001',
    '?$top=-1',
    '?$top=abc',
    '?$skip=-5',
    '?$count=maybe',
    '?$orderby=title',
    '?$orderby=status sideways',
    '?$expand=commands',
    `?$filter=${encodeURIComponent('status eq Pending')}`,
    `?$filter=${encodeURIComponent("title eq 'x'")}`,
    `?$filter=${encodeURIComponent("status gt 'A'")}`,
    `?$filter=${encodeURIComponent("status eq 'Pending' and")}`,
    `?$filter=${encodeURIComponent("(status eq 'Pending'")}`,
    `?$filter=${encodeURIComponent("status like 'P'")}`,
    `?$filter=${encodeURIComponent('creationDateTimeUtc ge yesterday')}`,
  ]) {
    test(`${decodeURIComponent(query)} answers 400 ODataError`, async ({ emu }) => {
      const res = await list(emu, query);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('ODataError');
    });
  }

  // Deep nesting once overflowed the parser's stack and answered 500.
  for (const [shape, filter] of [
    ['unclosed', '('.repeat(4000)],
    ['balanced', `${'('.repeat(5000)}status eq 'Pending'${')'.repeat(5000)}`],
    ['negated', `${'not '.repeat(50_000)}status eq 'Pending'`],
  ]) {
    test(`a $filter nested thousands of levels deep (${shape}) answers 400 ODataError`, async ({ emu }) => {
      const res = await list(emu, `?$filter=${encodeURIComponent(filter!)}`);
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('ODataError');
    });
  }

  test('a $filter of 50,000 comparisons joined by and/or is answered', async ({ emu }) => {
    for (const joiner of [' and ', ' or ']) {
      const filter = Array(50_000).fill("status ne 'Failed'").join(joiner);
      const res = await list(emu, `?$filter=${encodeURIComponent(filter)}`);
      expect(res.statusCode, joiner).toBe(200);
      expect(res.json().value, joiner).toHaveLength(3);
    }
  });

  test('a $filter nested 64 levels deep is answered; 65 levels is 400 ODataError', async ({ emu }) => {
    const nested = (levels: number) =>
      `${'('.repeat(levels - 1)}not status eq 'Pending'${')'.repeat(levels - 1)}`;
    const deepest = await list(emu, `?$filter=${encodeURIComponent(nested(64))}`);
    expect(deepest.statusCode).toBe(200);
    expect(deepest.json().value).toHaveLength(3);
    const deeper = await list(emu, `?$filter=${encodeURIComponent(nested(65))}`);
    expect(deeper.statusCode).toBe(400);
    expect(errorCode(deeper)).toBe('ODataError');
  });
});
