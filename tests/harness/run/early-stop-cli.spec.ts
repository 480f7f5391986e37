import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

const scripts = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

// Node loads tsx (half a second, more on a cold cache) before conformance.ts's first line: a Ctrl-C or
// SIGTERM then ended `npm run conformance` by the signal's default, exit 130 and not a word, where a
// moment later it said why in one line. The npm script as package.json has it, held in that window by
// a preload of the test's own placed just before tsx.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  test(`${signal} while Node still loads tsx is the early-stop line, exit 2`, async () => {
    test.setTimeout(30_000);
    const dir = tempDir('early-stop-');
    const ready = join(dir, 'ready');
    const hold = join(dir, 'hold.mjs');
    writeFileSync(
      hold,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(ready)}, '');\nawait new Promise((done) => setTimeout(done, 20_000));\n`,
    );
    const command = scripts.conformance!.replace(' --import tsx ', ` --import ${hold} --import tsx `);
    expect(command).toContain(hold);
    let stderr = '';
    const script = spawn('sh', ['-c', `exec ${command}`], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: withoutMdeVariables(),
    });
    script.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | string | null>((done) =>
      script.on('exit', (code, sig) => done(code ?? sig)),
    );
    for (let i = 0; i < 200 && !existsSync(ready); i++) await sleep(50);
    expect(existsSync(ready), 'Node reached the preloads').toBe(true);
    script.kill(signal);
    // Before: killed by the signal, nothing said.
    expect(await exited).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `conformance: stopped by ${signal} before the run began; reports/ holds the last run's reports as they were`,
    ]);
  });
