import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// What the allure-generate-*.spec.ts files give the Allure generator: a throw-away directory (removed by
// the spec's `test.afterEach(removeTempDirs)`) and a script that drives the generator in it.

// A results directory holding one passed test, as allure-playwright writes it.
export function withOneResult(): string {
  const dir = tempDir('allure-generate-');
  mkdirSync(join(dir, 'allure-results'));
  writeFileSync(
    join(dir, 'allure-results', '9b7c3c7e-1f4e-4d0a-9a53-0d5f0a1c2b3d-result.json'),
    JSON.stringify({
      uuid: '9b7c3c7e-1f4e-4d0a-9a53-0d5f0a1c2b3d',
      historyId: 'one',
      name: 'one test',
      fullName: 'one test',
      status: 'passed',
      stage: 'finished',
      start: 1_767_600_000_000,
      stop: 1_767_600_000_010,
      labels: [],
      steps: [],
      attachments: [],
      parameters: [],
      links: [],
    }),
  );
  return dir;
}

// A script of its own that starts the generator, as the run's script does, then runs `body`: the
// path of its file, to run with tsx.
export function generatorScript(dir: string, body: string): string {
  const generate = pathToFileURL(join(repoRoot, 'src', 'reporters', 'allure', 'allure-generate.ts'));
  const file = join(dir, 'drive.mts');
  writeFileSync(
    file,
    `import { setTimeout as sleep } from 'node:timers/promises';
import { startAllureGenerator } from '${generate}';
const generator = startAllureGenerator({ cwd: ${JSON.stringify(dir)} });
${body}`,
  );
  return file;
}
