import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { readEnv } from '../../../src/harness/config/read-env.ts';
import { loadSelectedBaseline, selectedBaselineProblem } from '../../../src/reporters/baseline/baseline.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// MDE_BASELINE is read as the configuration is (environment over .env), and a bad one stops
// `npm run conformance` before Playwright starts, in one line, rather than after a two-hour run.
function workdir(dotenv: string): string {
  const dir = tempDir('baseline-env-');
  writeFileSync(join(dir, '.env'), dotenv);
  return dir;
}

test('MDE_BASELINE set only in .env selects the baseline; the environment wins', () => {
  const dir = workdir('MDE_BASELINE=example-tenant\n');
  expect(loadSelectedBaseline(readEnv(dir, {}))?.name).toBe('example-tenant');
  expect(() => loadSelectedBaseline(readEnv(dir, { MDE_BASELINE: 'nope' }))).toThrow(
    'baselines/nope.yaml does not exist',
  );
});

test('a bad baseline is one line that says what to fix', () => {
  expect(selectedBaselineProblem({})).toBeUndefined();
  expect(selectedBaselineProblem({ MDE_BASELINE: 'nope' })).toBe(
    'BaselineError: MDE_BASELINE=nope: baselines/nope.yaml does not exist; name a file of baselines/ without .yaml (e.g. example-tenant) or give a path to one.',
  );
  const dir = workdir('');
  writeFileSync(join(dir, 'broken.yaml'), '- id: CANCEL.FINAL\n  verdict: [FAIL\n');
  const line = selectedBaselineProblem({ MDE_BASELINE: join(dir, 'broken.yaml') });
  expect(line).toMatch(/^BaselineError: .*broken\.yaml is not valid YAML: .* \(line \d+, column \d+\)$/);
  expect(line).not.toContain('\n');
});

test('npm run conformance with a bad MDE_BASELINE in .env exits 2 before any test', () => {
  const dir = workdir('MDE_BASELINE=does-not-exist\n');
  const tsx = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const run = spawnSync(process.execPath, ['--import', tsx, join(repoRoot, 'scripts', 'conformance.ts')], {
    cwd: dir,
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^BaselineError: MDE_BASELINE=does-not-exist: baselines\/does-not-exist\.yaml does not exist;/,
    ),
  ]);
  expect(run.stdout).toBe('');
  expect(run.status).toBe(2);
});

test('a baseline that is a directory, or saved with a byte-order mark, is read as a user means it', () => {
  const dir = workdir('');
  const asDir = join(dir, 'dir.yaml');
  mkdirSync(asDir);
  expect(selectedBaselineProblem({ MDE_BASELINE: asDir })).toMatch(
    /^BaselineError: MDE_BASELINE=.*dir\.yaml: .*dir\.yaml is a directory; name a baseline file \(\.yaml\) in it or elsewhere\.$/,
  );
  // Windows editors start a UTF-8 file with a byte-order mark.
  const withBom = join(dir, 'bom.yaml');
  writeFileSync(withBom, '\uFEFF- id: CANCEL.FINAL\n  verdict: FAIL\n  reason: x\n');
  expect(selectedBaselineProblem({ MDE_BASELINE: withBom })).toBeUndefined();
});

test('a .env that is a directory is a configuration error naming it; one with a byte-order mark is read', () => {
  const dir = tempDir('dotenv-');
  mkdirSync(join(dir, '.env'));
  expect(() => readEnv(dir, {})).toThrow(
    /^ConfigError: \.env is a directory \(.*\); it must be a file of NAME=value lines, or absent$/,
  );
  const other = workdir('\uFEFFMDE_TARGET=emulator\n');
  expect(readEnv(other, {}).MDE_TARGET).toBe('emulator');
});
