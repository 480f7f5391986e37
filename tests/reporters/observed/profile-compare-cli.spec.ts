import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// `npm run profile:compare -- A B` (docs/calibration.md#compare): calibration's step 4 was a manual jq
// diff. Exit 0 same, 1 differ, 2 bad input; every refusal one line, never a stack trace.
test.afterEach(removeTempDirs);

const TSX = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const BAD_REQUEST = { status: 400, code: 'BadRequest' };

function compare(...files: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', TSX, join(repoRoot, 'scripts', 'profile-compare.ts'), ...files],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DEBUG: '' } },
  );
  return { status: run.status, stdout: run.stdout.trimEnd().split('\n'), stderr: run.stderr.trim() };
}

function profileFile(dir: string, name: string, points: Record<string, unknown>, hash = 'sha256:aa'): string {
  const file = join(dir, name);
  const source = { kind: 'observed', target: 'tenant at https://192.0.2.1', contractHash: hash };
  writeFileSync(file, JSON.stringify({ profileVersion: 1, source, points }));
  return file;
}

test('profiles that read the same points alike exit 0; a point one side did not read is listed', () => {
  const dir = tempDir('compare-');
  const a = profileFile(dir, 'a.json', {
    'malformed-id': { reading: BAD_REQUEST },
    'rate-window': { reading: 'sliding' },
  });
  const b = profileFile(dir, 'b.json', {
    'malformed-id': { reading: { code: 'BadRequest', status: 400 } },
    'rate-window': { unknown: 'not seen: every test that makes the clock probe was skipped' },
  });
  const run = compare(a, b);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout[0]).toBe(`A: ${a} (observed: tenant at https://192.0.2.1)`);
  expect(run.stdout).toContain('same     malformed-id: {"status":400,"code":"BadRequest"}');
  const only = run.stdout.indexOf('only A   rate-window');
  expect(run.stdout.slice(only, only + 3)).toEqual([
    'only A   rate-window',
    '  A: "sliding"',
    '  B: unknown: not seen: every test that makes the clock probe was skipped',
  ]);
  expect(run.stdout.at(-1)).toBe(
    '1 same, 0 differ, A only 1, B only 0, neither 19: no point read by both differs (exit 0)',
  );
});

test('a point that differs exits 1 and shows both readings, per case where the point has cases', () => {
  const dir = tempDir('compare-');
  const a = profileFile(dir, 'a.json', { 'final-state-cancel': { reading: BAD_REQUEST } });
  const b = profileFile(dir, 'b.json', {
    'final-state-cancel': {
      reading: {
        Succeeded: BAD_REQUEST,
        Failed: BAD_REQUEST,
        Cancelled: { status: 409, code: 'Conflict' },
        TimeOut: BAD_REQUEST,
      },
    },
  });
  const run = compare(a, b);
  expect(run.status).toBe(1);
  const at = run.stdout.indexOf('differ   final-state-cancel (Cancelled)');
  expect(run.stdout.slice(at, at + 3)).toEqual([
    'differ   final-state-cancel (Cancelled)',
    '  A: {"status":400,"code":"BadRequest"}',
    '  B: {"status":409,"code":"Conflict"}',
  ]);
  expect(run.stdout.at(-1)).toMatch(/^0 same, 1 differ, .*: the profiles differ \(exit 1\)$/);
  expect(run.stdout.filter((line) => line.length > 100)).toEqual([]);
});

test('profiles observed under different contracts are compared, with one warning naming both hashes', () => {
  const dir = tempDir('compare-');
  const a = profileFile(dir, 'a.json', { 'malformed-id': { reading: BAD_REQUEST } }, 'sha256:aa');
  const b = profileFile(dir, 'b.json', { 'malformed-id': { reading: BAD_REQUEST } }, 'sha256:bb');
  const run = compare(a, b);
  expect(run.status).toBe(0);
  expect(run.stderr.split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    /^profile:compare: warning: A was observed under contract sha256:aa and B under sha256:bb: /,
  );
});

test('a missing file, a file that is no profile, and a wrong count of files: one line each, exit 2', () => {
  const dir = tempDir('compare-');
  const good = profileFile(dir, 'a.json', {});
  const report = join(dir, 'compliance.json');
  writeFileSync(report, JSON.stringify({ suite: { version: '0.1.0' }, requirements: [] }));
  const cases: [string[], RegExp][] = [
    [
      [join(dir, 'missing.json'), good],
      /^profile:compare: \S*missing\.json: cannot read the profile file: it does not exist; check the path$/,
    ],
    [
      [good, report],
      /^profile:compare: \S*compliance\.json: the document: .*; name a profile: reports\/observed-profile\.json of a run/,
    ],
    [[good], /^profile:compare: give two profile files to compare, got 1 \(see --help\)$/],
    [[good, good, good], /^profile:compare: give two profile files to compare, got 3 /],
    [[good, '--bogus'], /^profile:compare: Unknown option '--bogus' \(see --help\)$/],
  ];
  for (const [files, line] of cases) {
    const run = compare(...files);
    expect(run.status, files.join(' ')).toBe(2);
    expect(run.stderr, files.join(' ')).toMatch(line);
    expect(run.stderr.split('\n'), 'one line, no stack').toHaveLength(1);
    expect(run.stdout).toEqual(['']);
  }
});

// The hint "name a profile: ..." is for a file that is none (compliance.json): told to a profile with
// one bad point, of a newer suite or past 1 MB, it contradicted the line's own fix ("write the file as
// version 1; name a profile: ...", "name the profile file; name a profile: ...").
test('a profile with a bad point, a newer version or past 1 MB is told its own fix alone', () => {
  const dir = tempDir('compare-');
  const good = profileFile(dir, 'a.json', {});
  const newer = join(dir, 'newer.json');
  writeFileSync(newer, JSON.stringify({ profileVersion: 2, points: {} }));
  const badPoint = profileFile(dir, 'bad.json', { 'timestamp-precision': { reading: '7' } });
  const large = join(dir, 'large.json');
  writeFileSync(large, ' '.repeat(1024 * 1024 + 1));
  for (const file of [newer, badPoint, large]) {
    const run = compare(good, file);
    expect(run.status, file).toBe(2);
    expect(run.stderr, file).toMatch(/^profile:compare: \S+: /);
    expect(run.stderr, file).not.toContain('name a profile');
  }
});
