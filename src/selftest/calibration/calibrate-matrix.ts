import { existsSync } from 'node:fs';
import { OBSERVED_PROFILE_FILE, TARGET_INDEX_JSON, TARGETS_DIR } from '../../common/report-files.ts';
import type { SigningKey } from '../../emulator/index.ts';
import { targetDirName } from '../../reporters/compliance/target-index.ts';
import { buildObservedProfile } from '../../reporters/observed/observed-profile.ts';
import type { RunRecords } from '../../reporters/records/test-record.ts';
import { independentCase, profileCase } from '../case-names.ts';
import { startIndependentEmulator } from '../independent-emulator/index.ts';
import { calibrate, type OriginalProbe, probeOriginal } from './calibration.ts';

// One proof's original: the run's target it stands for, the proof's name and its probe, under way.
export interface MatrixOriginal {
  target: string;
  name: string;
  probe: Promise<OriginalProbe>;
}

export interface MatrixCalibrationOptions {
  // Where the matrix run wrote its compliance reports (reports/selftest-run).
  outDir: string;
  records: RunRecords;
  originals: readonly MatrixOriginal[];
  signingKey: SigningKey;
}

// The originals' side of every proof, started at once; the self-test reads it while its tests run. Each
// conforming profile in a reference emulator of its own, each independent variant in a fresh instance.
export function probeMatrixOriginals(options: {
  profiles: string[];
  variants: string[];
  signingKey: SigningKey;
}): MatrixOriginal[] {
  const originals = [
    ...options.profiles.map((profile) => ({
      target: profileCase(profile),
      name: profile,
      probe: probeOriginal({ profile }, { signingKey: options.signingKey }),
    })),
    ...options.variants.map((variant) => ({
      target: independentCase(variant),
      name: independentCase(variant),
      probe: startIndependentEmulator(variant, { port: 0 }).then(async (original) => {
        try {
          return await probeOriginal({ url: original.url });
        } finally {
          await original.close();
        }
      }),
    })),
  ];
  // A failed probe fails its calibration case when calibrateMatrix reads it, not the process before.
  for (const { probe } of originals) probe.catch(() => {});
  return originals;
}

// The calibration proofs of a self-test (calibration.ts), all at once: for each conforming profile P,
// and for each variant of the independent emulator, the reference emulator started from the observed
// profile the run wrote for that target answers the differential probe as the original does. Named
// calibration:<profile> and calibration:independent:<variant>.
export function calibrateMatrix(options: MatrixCalibrationOptions) {
  const { outDir, records } = options;
  const perTarget = existsSync(`${outDir}/${TARGET_INDEX_JSON}`);
  return Promise.all(
    options.originals.map(({ target, name, probe }) =>
      calibrate(
        {
          name,
          original: { probe },
          file: `${perTarget ? `${outDir}/${TARGETS_DIR}/${targetDirName(target)}` : outDir}/${OBSERVED_PROFILE_FILE}`,
          causes: records.targets[target] ? buildObservedProfile(records, target).causes : undefined,
        },
        { signingKey: options.signingKey },
      ),
    ),
  );
}
