import {
  FINAL_STATUSES,
  OPEN_POINTS,
  type ProfileDocument,
  type Readings,
} from '../../src/contract/index.ts';
import { PROFILES, readingsOf, startEmulator } from '../../src/emulator/index.ts';
import { compareProbes } from '../../src/selftest/calibration/compare-probes.ts';
import { probeOpenPoints } from '../../src/selftest/calibration/differential-probe.ts';
import { STILL_TIME } from '../../src/selftest/calibration/still-time.ts';
import { testKeys } from '../emulator/test-keys.ts';
import { expect, test } from '../helpers/api-test.ts';

// The differential probe is sensitive: it tells apart emulators that differ in a reading, or in one
// case of one, and nothing else (the calibration it serves: calibration.spec.ts). Its emulators keep
// time only as the probe moves it, as the calibration's do: on real time a loaded machine's seconds
// between two calls moved front-door's rate window (its 3 ms a call make it the slowest), not default's.
test('the differential probe tells apart every reading the built-in profiles choose, and nothing else', async () => {
  const deps = { ...(await testKeys()), timeSource: STILL_TIME };
  const names = Object.keys(PROFILES);
  const running = await Promise.all(names.map((profile) => startEmulator({ port: 0, profile }, deps)));
  try {
    const probes = await Promise.all(running.map((e) => probeOpenPoints(e.url)));
    const told = new Set<string>();
    const base = readingsOf(PROFILES['default']!);
    names.forEach((name, i) => {
      const readings = readingsOf(PROFILES[name]!);
      const changed = OPEN_POINTS.filter((p) => JSON.stringify(readings[p]) !== JSON.stringify(base[p]));
      for (const p of changed) told.add(p);
      expect(Object.keys(compareProbes(probes[0]!.signatures, probes[i]!.signatures)), name).toEqual(changed);
    });
    // Each open point has a second reading among the profiles, so each one's probe is proved sensitive.
    expect([...told].sort()).toEqual([...OPEN_POINTS].sort());
  } finally {
    await Promise.all(running.map((e) => e.close()));
  }
});

// docs/calibration.md#per-case: the probe sends a request of every case, so an emulator that differs
// from default in one case of one point is told apart on that point alone.
test('the differential probe tells apart emulators that differ in one case of a point', async () => {
  const conflict = { status: 409, code: 'Conflict' };
  const variants: Partial<Readings>[] = [
    {
      'final-state-cancel': {
        ...allCases(FINAL_STATUSES, { status: 400, code: 'BadRequest' }),
        Cancelled: conflict,
      },
    },
    {
      'unknown-id': {
        cancel: { status: 404, code: 'NotFound' },
        get: { status: 404, code: 'ResourceNotFound' },
      },
    },
    { 'www-authenticate': { missing: null, invalid: 'Bearer error="invalid_token"' } },
    { 'duplicate-create': { status: 400, code: 'ActiveRequestAlreadyExists' } },
    { 'duplicate-create': conflict },
    { 'cancel-visible-after': 1.5 },
  ];
  const deps = { ...(await testKeys()), timeSource: STILL_TIME };
  const running = await Promise.all(
    [{}, ...variants].map((points) => startEmulator({ port: 0, profileDocument: document(points) }, deps)),
  );
  try {
    const [base, ...probes] = await Promise.all(running.map((e) => probeOpenPoints(e.url)));
    const told = probes.map((p) => Object.keys(compareProbes(base!.signatures, p.signatures)));
    // "reject" is 400 ActiveRequestAlreadyExists: the same answer in its precise form.
    expect(told).toEqual([
      ['final-state-cancel'],
      ['unknown-id'],
      ['www-authenticate'],
      [],
      ['duplicate-create'],
      ['cancel-visible-after'],
    ]);
  } finally {
    await Promise.all(running.map((e) => e.close()));
  }
});

function allCases<K extends string, V>(cases: readonly K[], value: V): Record<K, V> {
  return Object.fromEntries(cases.map((c) => [c, value])) as Record<K, V>;
}

function document(points: Partial<Readings>): ProfileDocument {
  const entries = Object.fromEntries(Object.entries(points).map(([id, reading]) => [id, { reading }]));
  return { profileVersion: 1, points: entries } as ProfileDocument;
}
