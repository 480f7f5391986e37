import { existsSync } from 'node:fs';
import type { SigningKey } from '../emulator/index.ts';
import { buildObservedProfile } from '../reporters/observed-profile.ts';
import { OBSERVED_PROFILE_FILE } from '../reporters/observed-profile-file.ts';
import { targetDirName } from '../reporters/target-index.ts';
import type { RunRecords } from '../reporters/test-record.ts';
import { type CalibrationRun, calibrate } from './calibration.ts';
import { independentCase, profileCase } from './case-names.ts';

export interface MatrixCalibrationOptions {
  // Where the matrix run wrote its compliance reports (reports/selftest-run).
  outDir: string;
  records: RunRecords;
  // The conforming profiles the run covered.
  profiles: string[];
  // The independent emulators the run covered, each by a running instance (its original).
  independents: { variant: string; url: string }[];
  signingKey: SigningKey;
}

// The calibration proofs of a self-test (calibration.ts), all at once: for each conforming profile P,
// and for each variant of the independent emulator, the reference emulator started from the observed
// profile the run wrote for that target answers the differential probe as the original does. Named
// calibration:<profile> and calibration:independent:<variant>.
export function calibrateMatrix(options: MatrixCalibrationOptions) {
  const { outDir, records } = options;
  const perTarget = existsSync(`${outDir}/targets/index.json`);
  const originals: [string, string, CalibrationRun['original']][] = [
    ...options.profiles.map((p): [string, string, CalibrationRun['original']] => [
      profileCase(p),
      p,
      { profile: p },
    ]),
    ...options.independents.map(({ variant, url }): [string, string, CalibrationRun['original']] => [
      independentCase(variant),
      independentCase(variant),
      { url },
    ]),
  ];
  return Promise.all(
    originals.map(([target, name, original]) =>
      calibrate(
        {
          name,
          original,
          file: `${perTarget ? `${outDir}/targets/${targetDirName(target)}` : outDir}/${OBSERVED_PROFILE_FILE}`,
          causes: records.targets[target] ? buildObservedProfile(records, target).causes : undefined,
        },
        { signingKey: options.signingKey },
      ),
    ),
  );
}
