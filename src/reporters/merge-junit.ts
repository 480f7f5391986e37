import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_JUNIT_FILE } from './junit-file.ts';

const TOTALS = ['tests', 'failures', 'skipped', 'errors'] as const;

// The shards' JUnit files (Playwright's reporter, one <testsuites> each) as one: their <testsuite>
// elements side by side under totals summed from theirs.
export function mergeJunit(files: readonly { name: string; xml: string }[]): string {
  const sums = { tests: 0, failures: 0, skipped: 0, errors: 0, time: 0 };
  const suites: string[] = [];
  for (const { name, xml } of files) {
    const whole = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/.exec(xml);
    if (!whole)
      throw new Error(`${name} is not a JUnit report (no <testsuites> element): run its shard again`);
    const attribute = (key: string) => Number(new RegExp(`\\b${key}="([^"]*)"`).exec(whole[1]!)?.[1] ?? 0);
    for (const key of [...TOTALS, 'time'] as const) sums[key] += attribute(key);
    if (whole[2]!.trim()) suites.push(whole[2]!.trim());
  }
  const totals = TOTALS.map((key) => `${key}="${sums[key]}"`).join(' ');
  return `<testsuites id="" name="" ${totals} time="${Number(sums.time.toFixed(3))}">\n${suites.join('\n')}\n</testsuites>\n`;
}

// Writes <reportsDir>/junit.xml from the shards' files in `shardsDir`, and says what it did. Without
// any, an older junit.xml would disagree with the merged report: it is removed.
export function writeMergedJunit(shardsDir: string, reportsDir: string): string {
  const target = join(reportsDir, 'junit.xml');
  const names = existsSync(shardsDir) ? readdirSync(shardsDir).filter((f) => SHARD_JUNIT_FILE.test(f)) : [];
  if (names.length === 0) {
    if (!existsSync(target)) return 'merge-shards: the shards wrote no JUnit files';
    rmSync(target);
    return `merge-shards: the shards wrote no JUnit files; ${target} (another run's) removed`;
  }
  const files = names
    .sort((a, b) => shardOf(a) - shardOf(b))
    .map((name) => ({ name, xml: readFileSync(join(shardsDir, name), 'utf8') }));
  writeFileSync(target, mergeJunit(files));
  return `merge-shards: ${target} from ${names.length} shard JUnit file(s)`;
}

const shardOf = (name: string) => Number(/\d+/.exec(name)![0]);
