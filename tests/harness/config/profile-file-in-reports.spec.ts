import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { problems } from './config-env.ts';

// MDE_EMULATOR_PROFILE_FILE=reports/observed-profile.json (as compliance.md's hint beside that file
// read) started the embedded emulator from a tenant's calibration, and the run then replaced it with what
// it observed of the emulator: the tenant's file was gone, and its unknown points now read as known.
// Named by a path that does not exist, nothing is written to the checkout's reports/.
test('a profile file the run itself writes is refused, with where to copy it', () => {
  const inReports = [
    'reports/observed-profile.json',
    join(repoRoot, 'reports', 'observed-profile.partial.json'),
    join(repoRoot, 'reports', 'targets', 'walk-no-such-target', 'observed-profile.json'),
  ];
  for (const path of inReports)
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: path }), path).toEqual([
      `ConfigError: MDE_EMULATOR_PROFILE_FILE names ${path}, which this run replaces with what it observes of the embedded emulator: copy it out of reports/ (e.g. to calibration/staging.profile.json) and name the copy`,
    ]);
  expect(problems({ MDE_EMULATOR_PROFILE_FILE: 'reports/my-copy.json' })[0]).toContain('does not exist');
});
