import { spawn } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// `npm run conformance | head -1`: the reader goes after the first line. A script that starts
// Playwright (runPlaywright) must still see the run end with its exit code, and go on to write its
// reports; the output from then on goes nowhere.
test('a run whose output pipe closes after the first line still ends, and the script goes on', async () => {
  const dir = tempDir('closed-output-');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(dir, 'pw.config.mjs'), "export default { testDir: '.', reporter: 'list' };\n");
  writeFileSync(
    join(dir, 'talk.spec.mjs'),
    "import { test } from '@playwright/test';\nfor (let i = 0; i < 20; i++) test('talks ' + i, () => { for (let j = 0; j < 50; j++) console.log('line', i, j); });\n",
  );
  const script = `
    import { runPlaywright } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'src/harness/run/run-playwright.ts')).href)};
    import { writeFileSync } from 'node:fs';
    const code = await runPlaywright(${JSON.stringify(join(dir, 'pw.config.mjs'))}, []);
    console.log('after the run');
    writeFileSync(${JSON.stringify(join(dir, 'exit-code'))}, String(code));`;
  const run = await new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: dir,
    });
    child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
  expect(run.stderr).not.toContain('EPIPE');
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(dir, 'exit-code'), 'utf8')).toBe('0');
});
