import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry, OPEN_POINTS } from '../../../src/contract/index.ts';
import { readObservedProfile } from '../../../src/reporters/observed/observed-profile-file.ts';
import { removeWholeRunReports, writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { reading, runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

test.describe('observed-profile.json beside each compliance report', () => {
  const registry = getRegistry();
  const records = runRecords([
    testRecord({ findings: [reading('unknown-id', { status: 404, code: 'NotFound' }, 404)] }),
  ]);

  test('is written valid, read back valid, and linked from compliance.md', () => {
    const outDir = tempDir('observed-');
    writeComplianceReports(records, { outDir, registry });
    const profile = readObservedProfile(join(outDir, 'observed-profile.json'));
    expect(Object.keys(profile.points)).toEqual([...OPEN_POINTS]);
    expect(profile.source?.kind).toBe('observed');
    expect(profile.points['unknown-id']).toMatchObject({ reading: { status: 404, code: 'NotFound' } });
    const md = readFileSync(join(outDir, 'compliance.md'), 'utf8');
    expect(md).toContain('[observed-profile.json](observed-profile.json), 1 of 21 open points read');
    expect(md).toMatch(/npm run emulator -- --profile-file \S*observed-profile\.json/);
    expect(md).toContain('MDE_EMULATOR_PROFILE_FILE');
    // A walk read the emulator it starts as this target's, where 20 of its 21 points answer as default.
    expect(md).toContain('the 20 points this run did not read answer as the default profile does');
    removeWholeRunReports(outDir);
    expect(existsSync(join(outDir, 'observed-profile.json'))).toBe(false);
  });

  test('a matrix run writes one per target', () => {
    const outDir = tempDir('observed-');
    const two = runRecords([testRecord({ target: 'profile:a' }), testRecord({ target: 'profile:b' })], {
      targets: {
        'profile:a': { mode: 'embedded', apiHost: 'loopback', description: 'a' },
        'profile:b': { mode: 'embedded', apiHost: 'loopback', description: 'b' },
      },
    });
    writeComplianceReports(two, { outDir, registry });
    for (const dir of ['profile-a', 'profile-b'])
      expect(readObservedProfile(join(outDir, 'targets', dir, 'observed-profile.json')).name).toBe(
        `observed-${dir}`,
      );
  });

  test('a file that does not fit the format is refused in one line naming the point', () => {
    const outDir = tempDir('observed-');
    writeComplianceReports(records, { outDir, registry });
    const file = join(outDir, 'observed-profile.json');
    const text = readFileSync(file, 'utf8').replace('"NotFound"', '"Gone"');
    writeFileSync(file, text);
    expect(() => readObservedProfile(file)).toThrow(
      /observed-profile\.json: point unknown-id reading\.code: expected/,
    );
  });
});
