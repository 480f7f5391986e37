import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractHash } from '../../../src/contract/contract-hash.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { startedOutput } from './started-output.ts';

test.afterEach(removeTempDirs);

// A profile observed by a suite of another contract (another version, or a checkout with other specs/ or
// schemas/) was read without a word: its points may since be read differently, and the user had no hint
// to refresh it. The emulator still starts from it (profileVersion says whether it can be read at all).
function profile(source: Record<string, string>): string {
  const path = join(tempDir('profile-contract-'), 'staging.profile.json');
  const points = { 'error-target': { reading: true } };
  writeFileSync(path, JSON.stringify({ profileVersion: 1, source: { kind: 'observed', ...source }, points }));
  return path;
}

test('a profile observed under another contract starts the emulator with one warning line naming both hashes', async () => {
  const path = profile({ suite: '0.0.9', contractHash: 'sha256:0000000000000000' });
  const { stdout, stderr } = await startedOutput(['--port', '0', '--profile-file', path]);
  expect(stdout).toContain(`with ${path} read over it`);
  expect(stderr.trim().split('\n')).toEqual([
    `emulator: warning: ${path} was observed by suite 0.0.9 under another contract (sha256:0000000000000000; this suite's is ${contractHash()}): its readings are used as written; run the suite against its target again to refresh it (docs/calibration.md#loop)`,
  ]);
});

test('a profile of this contract, or one that names none, starts without a warning', async () => {
  for (const path of [profile({ contractHash: contractHash() }), profile({})]) {
    const { stdout, stderr } = await startedOutput(['--port', '0', '--profile-file', path]);
    expect(stdout).toContain(`with ${path} read over it`);
    expect(stderr).toBe('');
  }
});
