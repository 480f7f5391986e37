import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../../common/write-whole.ts';
import { removeInBackground } from '../run/background-removal.ts';

// Which shards of one set allure-results/ holds. Shards run one after another on one machine share the
// directory; anything else in it (an unsharded run, another set, an earlier run of the same shard) is
// cleared first, or Allure 3 would show those results as retries of this run's.
const MARKER = '.mde-shards';

interface ShardSet {
  total: number;
  shards: number[];
}

// The directory is cleared at once (renamed aside); the promise settles once the earlier results are
// gone from the disk too (background-removal.ts), which the caller awaits before the run ends.
export function prepareResultsDir(
  dir: string,
  shard: { current: number; total: number } | null,
): Promise<void> {
  const held = shard ? readSet(join(dir, MARKER)) : undefined;
  const continues = !!held && held.total === shard!.total && !held.shards.includes(shard!.current);
  const removed = continues ? Promise.resolve() : removeInBackground(dir);
  if (!shard) return removed;
  mkdirSync(dir, { recursive: true });
  const set: ShardSet = { total: shard.total, shards: [...(continues ? held!.shards : []), shard.current] };
  writeWhole(join(dir, MARKER), `${JSON.stringify(set)}\n`);
  return removed;
}

function readSet(file: string): ShardSet | undefined {
  try {
    const set = JSON.parse(readFileSync(file, 'utf8')) as ShardSet;
    return Number.isInteger(set.total) && Array.isArray(set.shards) ? set : undefined;
  } catch {
    return undefined;
  }
}
