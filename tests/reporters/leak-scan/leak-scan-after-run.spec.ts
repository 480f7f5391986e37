import { execFileSync, spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { SECRET, scan, workspace } from './leak-workspace.ts';

test.afterEach(removeTempDirs);

// The leak scan as a run ends with it, and as `npm run leak-scan` runs it.
test('a file too large to read is reported as not scanned, never passed over in silence', async () => {
  const { root, env } = workspace();
  // Sparse: 513 MB on paper, nothing on disk.
  writeFileSync(join(root, 'test-results', 'huge.bin'), '');
  truncateSync(join(root, 'test-results', 'huge.bin'), 513 * 1024 * 1024);
  expect(scan({ root, env })).toEqual({ findings: [], skipped: ['test-results/huge.bin'] });
  const lines: string[] = [];
  const exit = await finishRun({ root, cwd: root, env, skipAllure: true, log: (l) => lines.push(l) });
  expect(exit).toBe(0);
  expect(lines[0]).toBe(
    'leak-scan: test-results/huge.bin: not scanned, larger than 512 MB; check it yourself before sharing it',
  );
});

test('the leak scan after a run reads .env as the run does: a finding exits 4 and names no secret', async () => {
  const { root, env } = workspace();
  writeFileSync(join(root, '.env'), `AZURE_CLIENT_SECRET=${SECRET}\n`);
  writeFileSync(join(root, 'reports', 'compliance.md'), `sent ${SECRET}`);
  const lines: string[] = [];
  const exit = await finishRun({ root, cwd: root, env, skipAllure: true, log: (l) => lines.push(l) });
  expect(exit).toBe(4);
  expect(lines[0]).toBe('leak-scan: reports/compliance.md: the value of AZURE_CLIENT_SECRET');
  expect(lines.join('\n')).not.toContain(SECRET);
});

test('npm run leak-scan with a directory that does not exist says so in one line and exits 2', () => {
  const { root } = workspace();
  const leakScan = (...dirs: string[]) =>
    spawnSync(process.execPath, ['--import', TSX, join(repoRoot, 'scripts', 'leak-scan.ts'), ...dirs], {
      cwd: root,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: 30_000,
    });
  const typo = leakScan('reports', 'reprots');
  expect(typo.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^leak-scan: reprots does not exist; name directories that hold artefacts/),
  ]);
  expect(typo.status).toBe(2);
  // A named pipe walks as nothing: "no secret found" in it would read as a clean scan.
  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const pipe = leakScan('pipe');
    expect(pipe.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^leak-scan: pipe is neither a directory nor a file; name directories that hold artefacts/,
      ),
    ]);
    expect(pipe.status).toBe(2);
  }
  const clean = leakScan('reports');
  expect(clean.stdout).toMatch(/^leak-scan: no secret found in reports/);
  expect(clean.status).toBe(0);
});

test('npm run leak-scan -- --help prints the usage and where the docs are, scans nothing and exits 0', () => {
  const { root } = workspace();
  writeFileSync(join(root, 'reports', 'compliance.md'), `sent ${SECRET}`);
  const run = spawnSync(
    process.execPath,
    ['--import', TSX, join(repoRoot, 'scripts', 'leak-scan.ts'), '--', '--help'],
    { cwd: root, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.stdout).toMatch(/^Usage: npm run leak-scan /);
  expect(run.stdout).toContain('docs/reports.md#leak-scan');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

const TSX = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
