import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { DirectReportFiles } from '../../../src/reporters/allure/allure-report-files.mjs';
import { SourcedResultFile } from '../../../src/reporters/allure/attachment-sources.mjs';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { generatorScript, withOneResult } from '../helpers/allure-workspace.ts';

// The report's copy of an attachment of allure-results/ is a hard link to it: creating a file costs far
// more than linking one here, and a main job's report copies 400+ of them unchanged.
test.afterEach(removeTempDirs);

test("an attachment reaches the Allure report as a link to allure-results/' file, byte for byte", () => {
  test.slow();
  const dir = withOneResult();
  const results = join(dir, 'allure-results');
  const source = join(results, 'a1-attachment.json');
  const content = Buffer.from('{"status":200,"body":"linked"}');
  writeFileSync(source, content);
  const resultFile = join(results, '9b7c3c7e-1f4e-4d0a-9a53-0d5f0a1c2b3d-result.json');
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  result.attachments = [{ name: 'exchange', type: 'application/json', source: 'a1-attachment.json' }];
  writeFileSync(resultFile, JSON.stringify(result));
  const script = generatorScript(dir, 'console.log(JSON.stringify(await generator.generate()));\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}'), run.stderr).toMatchObject({
    generated: true,
  });
  const copies = readdirSync(join(dir, 'allure-report'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).equals(content));
  expect(copies).toHaveLength(1);
  expect(statSync(copies[0]!).ino).toBe(statSync(source).ino);
});

test('an attachment whose file can no longer be linked is written instead', async () => {
  const dir = tempDir('report-files-');
  const content = Buffer.from('{"written":true}');
  const { source, file } = sourced(dir, content);
  rmSync(source);
  const out = join(dir, 'allure-report');
  const target = await new DirectReportFiles(out).addFile('data/attachments/a.json', await file.asBuffer());
  expect(readFileSync(target).equals(content)).toBe(true);
});

// A report path written twice (the same name again, the plugin's to choose) must not write through the
// link the first write made: the bytes would land in allure-results/, under the earlier run's report too.
test('a second write to a report path that is a link leaves the allure-results/ file as it was', async () => {
  const dir = tempDir('report-files-');
  const { source, file } = sourced(dir, Buffer.from('{"first":true}'));
  const files = new DirectReportFiles(join(dir, 'allure-report'));
  const target = await files.addFile('data/attachments/a.json', await file.asBuffer());
  expect(statSync(target).ino).toBe(statSync(source).ino);
  await files.addFile('data/attachments/a.json', Buffer.from('{"second":true}'));
  expect(readFileSync(source, 'utf8')).toBe('{"first":true}');
  expect(readFileSync(target, 'utf8')).toBe('{"second":true}');
});

// An attachment file of allure-results/ read as the generator child reads it, naming its file.
function sourced(dir: string, content: Buffer): { source: string; file: SourcedResultFile } {
  const source = join(dir, 'a1-attachment.json');
  writeFileSync(source, content);
  return { source, file: new SourcedResultFile(readFileSync(source), 'a1-attachment.json', source) };
}
