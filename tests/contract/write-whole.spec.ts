import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../../src/contract/write-whole.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

test('a file is replaced whole, and nothing else is left in its directory', () => {
  const dir = tempDir('write-whole-');
  const file = join(dir, 'run-1-abc-42.json');
  writeFileSync(file, '{"old":true}');
  writeWhole(file, '{"new":true}');
  expect(readFileSync(file, 'utf8')).toBe('{"new":true}');
  expect(readdirSync(dir)).toEqual(['run-1-abc-42.json']);
});
