import { existsSync } from 'node:fs';
import { OPEN_POINTS, type OpenPointId, type ProfileDocument } from '../../contract/index.ts';
import { type BuildDependencies, startEmulator } from '../../emulator/index.ts';
import type { PointCause } from '../../reporters/observed/observed-profile.ts';
import { readObservedProfile } from '../../reporters/observed/observed-profile-file.ts';
import type { SelftestCase } from '../judge-matrix.ts';
import { compareProbes } from './compare-probes.ts';
import { probeOpenPoints, type Signatures } from './differential-probe.ts';
import { STILL_TIME } from './still-time.ts';

// The calibration proof (docs/calibration.md#proof): the suite ran against an original and wrote its
// observed profile; the reference emulator started from that file and the original get the same
// differential probe, and must answer alike on every point the run could observe. The original is the
// reference emulator in a built-in profile P, or an emulator written by others (the independent one).

export interface CalibrationRun {
  // calibration:<name>, after the run's target.
  name: string;
  // A built-in profile the proof starts the original in, the origin of one already running, or the
  // original's probe read beforehand (probeOriginal).
  original: OriginalSource | { probe: Promise<OriginalProbe> };
  // reports/selftest-run/targets/<target>/observed-profile.json
  file: string;
  // Why each point has its entry (src/reporters/observed/observed-profile.ts), from the run's records.
  causes: Record<OpenPointId, PointCause> | undefined;
}

export type OriginalSource = { profile: string } | { url: string };

// The original's answers to the differential probe.
export interface OriginalProbe {
  signatures: Signatures;
  requests: number;
}

export interface CalibrationCost {
  requests: number;
  ms: number;
}

// The original's side of the proof. It does not depend on the run, so the self-test reads it while the
// run's tests go on, and only the calibrated emulator is probed after them.
export async function probeOriginal(
  original: OriginalSource,
  given: BuildDependencies = {},
): Promise<OriginalProbe> {
  const running =
    'url' in original
      ? { url: original.url, close: async () => {} }
      : await startEmulator({ port: 0, profile: original.profile }, { timeSource: STILL_TIME, ...given });
  try {
    return await probeOpenPoints(running.url);
  } finally {
    await running.close();
  }
}

export async function calibrate(
  run: CalibrationRun,
  given: BuildDependencies = {},
): Promise<{ result: SelftestCase; cost: CalibrationCost }> {
  const deps = { timeSource: STILL_TIME, ...given };
  const name = `calibration:${run.name}`;
  const started = performance.now();
  if (!existsSync(run.file) || !run.causes)
    return {
      result: { name, kind: 'calibration', ok: false, detail: `no observed profile at ${run.file}` },
      cost: { requests: 0, ms: 0 },
    };
  let observed: ProfileDocument;
  try {
    observed = readObservedProfile(run.file);
  } catch (error) {
    return {
      result: { name, kind: 'calibration', ok: false, detail: (error as Error).message },
      cost: { requests: 0, ms: 0 },
    };
  }
  // A probe that fails (an emulator that does not start or answer) fails this case, not the self-test.
  let calibrated: { url: string; close(): Promise<void> } | undefined;
  try {
    calibrated = await startEmulator({ port: 0, profileFile: run.file }, deps);
    const [a, b] = await Promise.all([
      'probe' in run.original ? run.original.probe : probeOriginal(run.original, given),
      probeOpenPoints(calibrated.url),
    ]);
    const result = judgeCalibration(
      name,
      observed,
      run.causes,
      compareProbes(a.signatures, b.signatures),
      a.requests,
    );
    return { result, cost: { requests: a.requests, ms: performance.now() - started } };
  } catch (error) {
    return {
      result: {
        name,
        kind: 'calibration',
        ok: false,
        detail: `the differential probe failed: ${(error as Error).message}`,
      },
      cost: { requests: 0, ms: performance.now() - started },
    };
  } finally {
    await calibrated?.close();
  }
}

// Ok when every point the run read reproduces, and no point the run should have seen is unknown (its
// answers disagreed, fit no lawful reading, or its tests ran and saw nothing). Points unknown because
// their tests were skipped or not run are listed.
export function judgeCalibration(
  name: string,
  observed: ProfileDocument,
  causes: Record<OpenPointId, PointCause>,
  differs: Partial<Record<OpenPointId, string>>,
  requests: number,
): SelftestCase {
  const problems: string[] = [];
  const unknown: string[] = [];
  let reproduced = 0;
  for (const point of OPEN_POINTS) {
    const entry = observed.points[point];
    if (entry && 'reading' in entry) {
      if (differs[point])
        problems.push(`${point} does not reproduce (original against calibrated: ${differs[point]})`);
      else reproduced++;
    } else if (causes[point] === 'skipped' || causes[point] === 'not-run') unknown.push(point);
    else
      problems.push(
        `${point} unknown although the run should have seen it: ${entry && 'unknown' in entry ? entry.unknown : 'no entry'}`,
      );
  }
  if (problems.length > 0) return { name, kind: 'calibration', ok: false, detail: problems.join('; ') };
  const rest = unknown.length > 0 ? `; unknown (not seen by this run): ${unknown.join(', ')}` : '';
  return {
    name,
    kind: 'calibration',
    ok: true,
    detail: `${reproduced} of ${OPEN_POINTS.length} open points observed and reproduced (probe: ${requests} requests to each emulator)${rest}`,
  };
}
