import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectReportFiles } from '../../../src/reporters/allure/allure-report-files.mjs';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('a report file is written under the report directory, its folders made on the way', async () => {
  const out = join(tempDir('report-files-'), 'allure-report');
  const files = new DirectReportFiles(out);
  const written = await files.addFile('data/test-results/one.json', Buffer.from('{"a":1}'));
  await files.addFile('data/test-results/two.json', Buffer.from('{"b":2}'));
  await files.addFile('index.html', Buffer.from('<html>'));
  // A name that merely begins with two dots is inside.
  await files.addFile('..notes', Buffer.from('n'));
  expect(written).toBe(join(out, 'data', 'test-results', 'one.json'));
  expect(readFileSync(join(out, 'data', 'test-results', 'two.json'), 'utf8')).toBe('{"b":2}');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<html>');
});

test('a report file outside the report directory is refused, as Allure refuses it', async () => {
  const root = tempDir('report-files-');
  const files = new DirectReportFiles(join(root, 'allure-report'));
  for (const path of ['../escaped.json', join(root, 'absolute.json'), 'data/../../up.json', 'a\0b', '.'])
    await expect(files.addFile(path, Buffer.from('x')), path).rejects.toThrow(/outside/);
});
