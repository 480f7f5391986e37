import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OPEN_POINTS, type OpenPointId, type ProfileDocument } from '../../src/contract/index.ts';
import { createSigningKey, PROFILES, readingsOf, startEmulator } from '../../src/emulator/index.ts';
import type { PointCause } from '../../src/reporters/observed-profile.ts';
import { calibrate, judgeCalibration } from '../../src/selftest/calibration.ts';
import { compareProbes } from '../../src/selftest/compare-probes.ts';
import { probeOpenPoints } from '../../src/selftest/differential-probe.ts';

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

test('an emulator started from a profile file answers as the profile; a wrong reading is caught', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'calibration-'));
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
  expect(right.result.detail).toMatch(/^20 of 20 open points observed and reproduced/);

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
