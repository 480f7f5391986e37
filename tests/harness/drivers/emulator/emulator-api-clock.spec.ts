import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { emulatorDriverAt } from '../../stand-ins/emulator-driver-at.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';

// An emulator whose /_emulator/clock/advance moves the `now` it reports; its API stamps its Date header
// with that clock when `apiOnVirtualClock`, else with real time: the advance reaches neither its tokens
// nor its rate windows, and the tests that move the clock would fail the API for it. `cached` serves
// its answers as a cache before it would: stored `storedS` seconds of the clock ago, with that Date and
// the Age it counts (RFC 9111 §5.1).
async function emulator(apiOnVirtualClock: boolean, cached?: { storedS: number; age: number | string }) {
  let offsetMs = 0;
  const stand = await jsonStandIn(({ url, body, json }) => {
    if (url === '/_emulator/clock/advance') offsetMs += JSON.parse(body).seconds * 1000;
    const virtualNow = new Date(Date.now() + offsetMs);
    if (url.startsWith('/_emulator/clock')) return json(200, { now: virtualNow.toISOString() });
    if (url === '/_emulator/apps') return json(201, {});
    if (url.endsWith('/oauth2/v2.0/token'))
      return json(200, { token_type: 'Bearer', access_token: 'a.b.c', expires_in: 3599 });
    const stamped = apiOnVirtualClock ? virtualNow : new Date();
    const date = new Date(stamped.getTime() - (cached?.storedS ?? 0) * 1000).toUTCString();
    const age: Record<string, string> = cached ? { age: String(cached.age) } : {};
    json(404, { error: { code: 'NotFound', message: 'no such action' } }, { date, ...age });
  });
  return { url: stand.url, driver: emulatorDriverAt(stand.url), close: stand.close };
}

// The no-verdicts of one call (a GET, or a cancel) made after the clock moved an hour on such an emulator.
async function afterAnHour(
  apiOnVirtualClock: boolean,
  cached: { storedS: number; age: number | string } | undefined,
  call: 'get' | 'cancel' = 'get',
) {
  const { driver, close } = await emulator(apiOnVirtualClock, cached);
  try {
    await driver.advanceClock(3600);
    const api = await driver.client('operator');
    await (call === 'get' ? api.get('a1') : api.cancel('a1', { Comment: 'c' }));
    return takeNoVerdicts();
  } finally {
    await close();
  }
}

// A FAIL of AUTH.EXPIRED or RATE.RECOVER on such an emulator would blame its API for its control
// protocol: the test that then fails reaches no verdict instead, once, naming both clocks.
test("an API whose Date header stays behind the advanced clock is the control protocol's fault", async () => {
  const { url, driver, close } = await emulator(false);
  try {
    await driver.advanceClock(3600);
    const api = await driver.client('operator');
    await api.get('a1');
    await api.get('a1');
    const found = takeNoVerdicts();
    expect(found).toEqual([expect.objectContaining({ cause: 'target' })]);
    expect(found[0]!.text).toContain(`${url}/_emulator/clock/advance`);
    expect(found[0]!.text).toMatch(/Date header is (3599|3600|3601) s behind the clock/);
    // Its pointer is the virtual clock's section, kept where the report's line is cut; the generic
    // control-protocol pointer took its place, and the author looked at clock/advance instead.
    expect(found[0]!.text).not.toContain('#control-protocol');
    // The report's line keeps a closing sentence of at most 100 characters that names the docs.
    const last = found[0]!.text.slice(found[0]!.text.lastIndexOf('. ') + 2);
    expect(last).toMatch(/docs\/interfaces\.md#virtual-clock\.$/);
    expect(last.length).toBeLessThanOrEqual(100);
  } finally {
    await close();
  }
});

test('an API whose Date header follows the advanced clock raises nothing', async () => {
  expect(await afterAnHour(true, undefined)).toEqual([]);
});

// A cache before the API (a gateway's, on the emulator's clock) serves a stored answer with the Date
// the API gave it and the Age it has been stored: that Date lags the clock by its Age, not by a clock
// the advance missed. Read without its Age, the failing test of a target whose cache served stale
// GETs reached no verdict blaming the clock, where it failed CANCEL.PERSIST.
test('a stored answer whose Date lags the clock by its Age raises nothing', async () => {
  expect(await afterAnHour(true, { storedS: 20, age: 20 })).toEqual([]);
});

// Its Age explains only the seconds it names: a Date further behind is still another clock's.
test("a stored answer whose Date lags the clock past its Age is still the control protocol's fault", async () => {
  const found = await afterAnHour(true, { storedS: 20, age: 5 });
  expect(found).toEqual([expect.objectContaining({ cause: 'target' })]);
  expect(found[0]!.text).toMatch(/Date header is (14|15|16) s behind the clock/);
});

// A cache stores reads: a cancel's answer with an Age is no stored answer, and its Age explains nothing.
// A repeated Age (`20, 20`, a field list two hops wrote) counts as its first member.
test('only a read is taken as stored, and a repeated Age counts once', async () => {
  const cancelled = await afterAnHour(true, { storedS: 20, age: 20 }, 'cancel');
  expect(cancelled).toEqual([expect.objectContaining({ cause: 'target' })]);
  expect(await afterAnHour(true, { storedS: 20, age: '20, 20' })).toEqual([]);
});
