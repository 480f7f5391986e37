import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { generatorScript, withOneResult } from '../helpers/allure-workspace.ts';

test.afterEach(removeTempDirs);

// The generator reads allure-results/ into memory (allure-results-reader.mjs), a large attachment
// excepted: both kinds must reach the report whole. It names each file it writes, for the leak scan.
test('a small and a large attachment both reach the Allure report byte for byte, every file named', () => {
  test.slow();
  const dir = withOneResult();
  const results = join(dir, 'allure-results');
  const small = Buffer.from('{"status":200}');
  const large = Buffer.alloc(5 * 1024 * 1024, 'x');
  writeFileSync(join(results, 'a1-attachment.json'), small);
  writeFileSync(join(results, 'a2-attachment.txt'), large);
  const resultFile = join(results, '9b7c3c7e-1f4e-4d0a-9a53-0d5f0a1c2b3d-result.json');
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  result.attachments = [
    { name: 'exchange', type: 'application/json', source: 'a1-attachment.json' },
    { name: 'big', type: 'text/plain', source: 'a2-attachment.txt' },
  ];
  writeFileSync(resultFile, JSON.stringify(result));
  const script = generatorScript(
    dir,
    `const named = [];
const result = await generator.generate((file) => named.push(file));
console.log(JSON.stringify({ ...result, named }));
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
  const outcome = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
  expect(outcome, run.stderr).toMatchObject({ generated: true });
  const files = filesUnder(join(dir, 'allure-report'));
  // Allure writes into its plugin's directory and moves that up into the report's once done (which
  // is why scan-as-written.ts knows files by inode): every file of the report was named.
  const report = join(dir, 'allure-report');
  const named = new Set(
    (outcome.named as string[]).map((file) => file.replace(join(report, 'awesome'), report)),
  );
  expect(files.filter((file) => !named.has(file))).toEqual([]);
  const written = files.map((file) => readFileSync(file));
  expect(written.some((content) => content.equals(small))).toBe(true);
  expect(written.some((content) => content.equals(large))).toBe(true);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
