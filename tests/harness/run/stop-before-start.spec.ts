import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A script as scripts/conformance.ts starts: tsx compiles its modules through esbuild's service, a child
// in the same process group. `began` says whether its runner had started when the Ctrl-C came; after
// the signal it imports a module no cache holds, as conformance.ts then imported finish-run.ts.
function workspace(began: boolean): string {
  const dir = tempDir('stop-before-start-');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'late.ts'), 'export const late: number = 1;\n');
  const module = pathToFileURL(join(repoRoot, 'src', 'harness', 'run', 'stop-before-start.ts'));
  writeFileSync(
    join(dir, 'drive.ts'),
    [
      `import { writeFileSync } from 'node:fs';`,
      `import { stopBeforeStart } from '${module}';`,
      `const early = stopBeforeStart('drive');`,
      began ? 'early.began();' : '',
      // Stands for the runner's own handler: the script lives on past the signal.
      `process.on('SIGINT', () => setTimeout(() => import('./late.ts').then(() => console.error('loaded'), (e) => {`,
      `  console.error(early.explain(e) ?? 'drive: ' + e.name + ': ' + e.message); process.exit(2); }), 300));`,
      `writeFileSync('ready', '');`,
      'setTimeout(() => {}, 30_000);',
    ].join('\n'),
  );
  return dir;
}

for (const began of [false, true])
  test(`a Ctrl-C to the group ${began ? 'once the run began, breaking tsx,' : 'before the run began'} is one line and exit 2`, async () => {
    test.setTimeout(60_000);
    const dir = workspace(began);
    // A cold compile cache, as on a first run: late.ts must go through esbuild's service.
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    let stderr = '';
    const script = spawn(process.execPath, ['--import', 'tsx', 'drive.ts'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, TMPDIR: tmp },
    });
    script.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((done) => script.on('exit', done));
    for (let i = 0; i < 300 && !existsSync(join(dir, 'ready')); i++) await sleep(100);
    expect(existsSync(join(dir, 'ready')), 'the script started').toBe(true);
    process.kill(-script.pid!, 'SIGINT');
    expect(await exited).toBe(2);
    // Not the loader's "conformance: TransformError: The service is no longer running".
    // Once the run began, its reporters may have written its report: "the last run's" would be false.
    expect(stderr.trim().split('\n')).toEqual([
      began
        ? "drive: stopped by SIGINT as the run ended, before its last steps could load (the signal also ended tsx's compiler): reports/ holds what its reporters wrote, but no Allure report or leak scan of it; npm run report makes them from its records"
        : "drive: stopped by SIGINT before the run began; reports/ holds the last run's reports as they were",
    ]);
  });
