import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareResultsDir } from '../../../src/reporters/allure/allure-shard-set.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// allure-results/ with one earlier result and, if given, the marker of the shard set it holds.
function resultsDir(marker?: string): string {
  const dir = join(tempDir('allure-shards-'), 'allure-results');
  mkdirSync(dir);
  writeFileSync(join(dir, 'earlier-result.json'), '{}');
  if (marker !== undefined) writeFileSync(join(dir, '.mde-shards'), marker);
  return dir;
}

const kept = (dir: string) => existsSync(join(dir, 'earlier-result.json'));
const set = (dir: string) => JSON.parse(readFileSync(join(dir, '.mde-shards'), 'utf8'));

test('a shard continuing its set keeps the results of the shards before it', () => {
  const dir = resultsDir('{"total":3,"shards":[1,3]}');
  prepareResultsDir(dir, { current: 2, total: 3 });
  expect(kept(dir)).toBe(true);
  expect(set(dir)).toEqual({ total: 3, shards: [1, 3, 2] });
});

for (const [why, marker] of [
  ['no marker: an unsharded run left them', undefined],
  ['a set of another total', '{"total":2,"shards":[1]}'],
  ['the same shard run again', '{"total":3,"shards":[2]}'],
  ['a marker that is not JSON', 'nonsense'],
  ['a marker of the wrong shape', '{"total":"3"}'],
] as const) {
  test(`a shard starts a new set, clearing earlier results, after ${why}`, async () => {
    const dir = resultsDir(marker);
    const removed = prepareResultsDir(dir, { current: 2, total: 3 });
    expect(kept(dir)).toBe(false);
    expect(set(dir)).toEqual({ total: 3, shards: [2] });
    await removed;
  });
}

test('an unsharded run clears the directory, marker and all', async () => {
  const dir = resultsDir('{"total":3,"shards":[1]}');
  const removed = prepareResultsDir(dir, null);
  expect(existsSync(dir)).toBe(false);
  await removed;
  expect(readdirSync(dirname(dir))).toEqual([]);
});
