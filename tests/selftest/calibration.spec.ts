import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_POINTS, type OpenPointId, type ProfileDocument } from '../../src/contract/index.ts';
import { PROFILES, startEmulator } from '../../src/emulator/index.ts';
import type { PointCause } from '../../src/reporters/observed/observed-profile.ts';
import { calibrate, judgeCalibration, probeOriginal } from '../../src/selftest/calibration/calibration.ts';
import { testKeys } from '../emulator/test-keys.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// An observed profile calibrating an emulator that must answer the differential probe as the original
// does (the probe's own sensitivity: differential-probe.spec.ts).
const allSeen = Object.fromEntries(OPEN_POINTS.map((p) => [p, 'seen'])) as Record<OpenPointId, PointCause>;
// Every emulator these tests start signs with the process's one test key (test-keys.ts), as the
// self-test's do with its own: a key each was 11 RSA keys, nothing the proof compares.

test('an emulator started from a profile file answers as the profile; a wrong reading is caught', async () => {
  const dir = tempDir('calibration-');
  const file = join(dir, 'observed-profile.json');
  const document = structuredClone(PROFILES['conservative']!) as ProfileDocument;
  writeFileSync(file, JSON.stringify(document));
  const right = await calibrate(
    {
      name: 'conservative',
      original: { profile: 'conservative' },
      file,
      causes: allSeen,
    },
    await testKeys(),
  );
  expect(right.result).toMatchObject({ ok: true, kind: 'calibration' });
  expect(right.result.detail).toMatch(/^21 of 21 open points observed and reproduced/);

  document.points['timestamp-precision'] = { reading: 3 };
  document.points['rate-window'] = { reading: 'sliding' };
  writeFileSync(file, JSON.stringify(document));
  const wrong = await calibrate(
    {
      name: 'conservative',
      original: { profile: 'conservative' },
      file,
      causes: allSeen,
    },
    await testKeys(),
  );
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
  const keys = await testKeys();
  const run = (profile: string) =>
    calibrate(
      {
        name: 'conservative',
        original: { probe: probeOriginal({ profile }, keys) },
        file,
        causes: allSeen,
      },
      keys,
    );
  expect((await run('conservative')).result).toMatchObject({ ok: true, kind: 'calibration' });
  // The probe read beforehand is the original the proof compares with: another profile's fails it.
  expect((await run('default')).result.ok).toBe(false);
  // An original that could not be probed fails its case; the self-test goes on to judge the others.
  // (Read while the tests run, its failure waits, handled, as probeMatrixOriginals leaves it.)
  const refused = Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9'));
  refused.catch(() => {});
  const lost = await calibrate(
    {
      name: 'conservative',
      original: { probe: refused },
      file,
      causes: allSeen,
    },
    keys,
  );
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
    { ...(await testKeys()), timeSource: { now: () => start } },
  );
  const realNow = Date.now;
  let slept = 0;
  // A machine so loaded that every reading of the wall clock finds two more seconds gone.
  Date.now = () => {
    slept += 2_000;
    return realNow() + slept;
  };
  try {
    const run = await calibrate(
      {
        name: 'conservative',
        original: { url: original.url },
        file,
        causes: allSeen,
      },
      await testKeys(),
    );
    expect(run.result.detail).toMatch(/^21 of 21 open points observed and reproduced/);
  } finally {
    Date.now = realNow;
    await original.close();
  }
});
