import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult } from 'allure-js-commons';
import { AllureResultsWriter } from '../../../src/reporters/allure/allure-results-writer.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The writer returns at once; flush() is the promise that every file is on disk.
test('every result and attachment is on disk once flush resolves', async () => {
  const root = tempDir('allure-writer-');
  const dir = join(root, 'allure-results');
  const source = join(root, 'exchange.txt');
  writeFileSync(source, 'POST /api/machineactions/{id}/cancel → 400');
  const writer = new AllureResultsWriter(dir);
  for (let i = 0; i < 50; i++) writer.writeResult({ uuid: `r${i}`, name: `test ${i}` } as TestResult);
  writer.writeAttachment('a-attachment.txt', Buffer.from('body'));
  writer.writeAttachmentFromPath('b-attachment.txt', source);
  expect(await writer.flush()).toEqual([]);
  expect(readdirSync(dir)).toHaveLength(52);
  expect(JSON.parse(readFileSync(join(dir, 'r49-result.json'), 'utf8')).name).toBe('test 49');
  expect(readFileSync(join(dir, 'b-attachment.txt'), 'utf8')).toContain('→ 400');
});

test('a file that cannot be written is named by flush, and the others are still written', async () => {
  const dir = join(tempDir('allure-writer-'), 'allure-results');
  const writer = new AllureResultsWriter(dir);
  writer.writeAttachmentFromPath('gone-attachment.txt', join(dir, 'no-such-source.txt'));
  writer.writeResult({ uuid: 'kept', name: 'kept' } as TestResult);
  expect(await writer.flush()).toEqual(['gone-attachment.txt (ENOENT)']);
  expect(readdirSync(dir)).toEqual(['kept-result.json']);
});
