import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FINAL_STATUSES,
  OPEN_POINTS,
  type OpenPointId,
  type ProfileDocument,
  type Readings,
} from '../../src/contract/index.ts';
import { createSigningKey, PROFILES, readingsOf, startEmulator } from '../../src/emulator/index.ts';
import type { PointCause } from '../../src/reporters/observed-profile.ts';
import { calibrate, judgeCalibration, probeOriginal } from '../../src/selftest/calibration.ts';
import { compareProbes } from '../../src/selftest/compare-probes.ts';
import { probeOpenPoints } from '../../src/selftest/differential-probe.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const allSeen = Object.fromEntries(OPEN_POINTS.map((p) => [p, 'seen'])) as Record<OpenPointId, PointCause>;

test('the differential probe tells apart every reading the built-in profiles choose, and nothing else', async () => {
  const signingKey = await createSigningKey();
  const names = Object.keys(PROFILES);
  const running = await Promise.all(
    names.map((profile) => startEmulator({ port: 0, profile }, { signingKey })),
  );
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
  const signingKey = await createSigningKey();
  const running = await Promise.all(
    [{}, ...variants].map((points) =>
      startEmulator({ port: 0, profileDocument: document(points) }, { signingKey }),
    ),
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

test('an emulator started from a profile file answers as the profile; a wrong reading is caught', async () => {
  const dir = tempDir('calibration-');
  const file = join(dir, 'observed-profile.json');
  const document = structuredClone(PROFILES['conservative']!) as ProfileDocument;
  writeFileSync(file, JSON.stringify(document));
  const right = await calibrate({
    name: 'conservative',
    original: { profile: 'conservative' },
    file,
    causes: allSeen,
  });
  expect(right.result).toMatchObject({ ok: true, kind: 'calibration' });
  expect(right.result.detail).toMatch(/^21 of 21 open points observed and reproduced/);

  document.points['timestamp-precision'] = { reading: 3 };
  document.points['rate-window'] = { reading: 'sliding' };
  writeFileSync(file, JSON.stringify(document));
  const wrong = await calibrate({
    name: 'conservative',
    original: { profile: 'conservative' },
    file,
    causes: allSeen,
  });
  expect(wrong.result.ok).toBe(false);
  expect(wrong.result.detail).toMatch(
    /^rate-window does not reproduce .*\); timestamp-precision does not reproduce [^;]*$/,
  );
});

// The self-test reads the originals' side while its tests run; the proof is the same when it comes later.
test('an original probed beforehand is judged as one probed with the calibrated emulator', async () => {
  const dir = tempDir('calibration-');
  const file = join(dir, 'observed-profile.json');
  writeFileSync(file, JSON.stringify(PROFILES['conservative']));
  const run = (profile: string) =>
    calibrate({
      name: 'conservative',
      original: { probe: probeOriginal({ profile }) },
      file,
      causes: allSeen,
    });
  expect((await run('conservative')).result).toMatchObject({ ok: true, kind: 'calibration' });
  // The probe read beforehand is the original the proof compares with: another profile's fails it.
  expect((await run('default')).result.ok).toBe(false);
  // An original that could not be probed fails its case; the self-test goes on to judge the others.
  // (Read while the tests run, its failure waits, handled, as probeMatrixOriginals leaves it.)
  const refused = Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9'));
  refused.catch(() => {});
  const lost = await calibrate({
    name: 'conservative',
    original: { probe: refused },
    file,
    causes: allSeen,
  });
  expect(lost.result).toEqual({
    name: 'calibration:conservative',
    kind: 'calibration',
    ok: false,
    detail: 'the differential probe failed: connect ECONNREFUSED 127.0.0.1:9',
  });
});

test('points the run could not see are listed; points it should have seen fail the case', () => {
  const document = structuredClone(PROFILES['default']!) as ProfileDocument;
  document.points['rate-window'] = { unknown: 'not seen: every test ... was skipped' };
  document.points['malformed-id'] = { unknown: 'the target answered differently within the run: ...' };
  const causes = { ...allSeen, 'rate-window': 'skipped', 'malformed-id': 'conflict' } as const;
  const judged = judgeCalibration('calibration:x', document, causes, {}, 10);
  expect(judged.ok).toBe(false);
  expect(judged.detail).toBe(
    'malformed-id unknown although the run should have seen it: the target answered differently within the run: ...',
  );
  const listed = judgeCalibration(
    'calibration:x',
    document,
    { ...causes, 'malformed-id': 'not-run' },
    {},
    10,
  );
  expect(listed).toMatchObject({ ok: true });
  expect(listed.detail).toMatch(/unknown \(not seen by this run\): malformed-id, rate-window$/);
});

// The probe moves the emulators' clocks itself; seconds a loaded machine spends between its calls must
// not reach the calibrated emulator (a CI run once read Retry-After 29 against the original's 31).
test('real time passing during the probe changes nothing the proof compares', async () => {
  const dir = tempDir('calibration-');
  const file = join(dir, 'observed-profile.json');
  writeFileSync(file, JSON.stringify(PROFILES['conservative']));
  const start = Date.now();
  // An original whose clock moves only when the probe advances it, as the independent emulator's does.
  const original = await startEmulator(
    { port: 0, profile: 'conservative' },
    { timeSource: { now: () => start } },
  );
  const realNow = Date.now;
  let slept = 0;
  // A machine so loaded that every reading of the wall clock finds two more seconds gone.
  Date.now = () => {
    slept += 2_000;
    return realNow() + slept;
  };
  try {
    const run = await calibrate({
      name: 'conservative',
      original: { url: original.url },
      file,
      causes: allSeen,
    });
    expect(run.result.detail).toMatch(/^21 of 21 open points observed and reproduced/);
  } finally {
    Date.now = realNow;
    await original.close();
  }
});
