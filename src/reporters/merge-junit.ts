import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARD_JUNIT_FILE } from './junit-file.ts';

// The shards' JUnit files (Playwright's reporter, one <testsuites> each) as one file, counting the same
// tests as the merged records: a test found in several shards (a project Playwright runs whole on every
// shard, or shards of two splits left in one directory) is kept once, its most damning result, as
// merge-records.ts keeps it.
type Kind = 'error' | 'failure' | 'passed' | 'skipped';
const SEVERITY: Record<Kind, number> = { error: 3, failure: 2, passed: 1, skipped: 0 };

interface Suite {
  attributes: string;
  cases: Map<string, { xml: string; kind: Kind; time: number }>;
}

export function mergeJunit(files: readonly { name: string; xml: string }[]): string {
  const suites = new Map<string, Suite>();
  let root = 'id="" name=""';
  let wall = 0;
  // Failure texts and output are CDATA, and may hold anything a target answered ("</testcase>",
  // "<error"): they are set aside while the markup is read, and put back in the merged file. The
  // stand-in, "&cdata#N;", is no entity Playwright writes (it escapes every "&" it writes).
  const cdata: string[] = [];
  const hide = (text: string) =>
    text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (section) => `&cdata#${cdata.push(section) - 1};`);
  for (const [index, { name, xml: raw }] of files.entries()) {
    const xml = hide(raw);
    const whole = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/.exec(xml);
    if (!whole)
      throw new Error(`${name} is not a JUnit report (no <testsuites> element): run its shard again`);
    // The run's id and name (PLAYWRIGHT_JUNIT_SUITE_ID, _NAME) as the first shard wrote them.
    if (index === 0) root = `id="${attribute(whole[1]!, 'id')}" name="${attribute(whole[1]!, 'name')}"`;
    // The run's wall time, as Playwright writes it: shards run side by side, the longest one's.
    wall = Math.max(wall, Number(attribute(whole[1]!, 'time')) || 0);
    for (const [, attributes, body] of whole[2]!.matchAll(/<testsuite\b([^>]*)>([\s\S]*?)<\/testsuite>/g)) {
      const suiteName = attribute(attributes!, 'name');
      const suite: Suite = suites.get(suiteName) ?? { attributes: attributes!, cases: new Map() };
      suites.set(suiteName, suite);
      for (const [xml, caseAttributes, , inner] of body!.matchAll(
        /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g,
      )) {
        const key = `${attribute(caseAttributes!, 'classname')}\u0000${attribute(caseAttributes!, 'name')}`;
        const kind: Kind = /<error\b/.test(inner ?? '')
          ? 'error'
          : /<failure\b/.test(inner ?? '')
            ? 'failure'
            : /<skipped\b/.test(inner ?? '')
              ? 'skipped'
              : 'passed';
        const kept = suite.cases.get(key);
        if (!kept || SEVERITY[kind] > SEVERITY[kept.kind])
          suite.cases.set(key, { xml: xml!, kind, time: Number(attribute(caseAttributes!, 'time')) || 0 });
      }
    }
  }
  const all = [...suites.values()].flatMap((s) => [...s.cases.values()]);
  const body = [...suites.values()].map((s) => {
    const cases = [...s.cases.values()];
    return `<testsuite ${withCounts(s.attributes, cases)}>\n${cases.map((c) => c.xml).join('\n')}\n</testsuite>`;
  });
  const totals = counts(all).replace(/time="[^"]*"/, `time="${wall}"`);
  const merged = `<testsuites ${root} ${totals}>\n${body.join('\n')}\n</testsuites>\n`;
  return merged.replace(/&cdata#(\d+);/g, (_, i: string) => cdata[Number(i)]!);
}

// Writes <reportsDir>/junit.xml from the shards' files in `shardsDir`. Without any (shards of an older
// suite), or when one is damaged, an older junit.xml would disagree with the merged report: it goes.
export function writeMergedJunit(shardsDir: string, reportsDir: string): { line: string; ok: boolean } {
  const target = join(reportsDir, 'junit.xml');
  const names = existsSync(shardsDir) ? readdirSync(shardsDir).filter((f) => SHARD_JUNIT_FILE.test(f)) : [];
  try {
    if (names.length === 0) {
      const had = existsSync(target);
      rmSync(target, { force: true });
      return {
        line: `merge-shards: the shards wrote no JUnit files${had ? `; ${target} (another run's) removed` : ''}`,
        ok: true,
      };
    }
    const files = names
      .sort((a, b) => shardOf(a) - shardOf(b))
      .map((name) => ({ name, xml: readFileSync(join(shardsDir, name), 'utf8') }));
    writeFileSync(target, mergeJunit(files));
    return { line: `merge-shards: ${target} from ${names.length} shard JUnit file(s)`, ok: true };
  } catch (error) {
    rmSync(target, { force: true });
    return { line: `merge-shards: no ${target}: ${(error as Error).message}`, ok: false };
  }
}

function counts(cases: readonly { kind: Kind; time: number }[]): string {
  const of = (kind: Kind) => cases.filter((c) => c.kind === kind).length;
  const time = Number(cases.reduce((sum, c) => sum + c.time, 0).toFixed(3));
  return `tests="${cases.length}" failures="${of('failure')}" skipped="${of('skipped')}" errors="${of('error')}" time="${time}"`;
}

// A suite's own attributes (name, timestamp, hostname) with its counts made from the cases kept.
function withCounts(attributes: string, cases: readonly { kind: Kind; time: number }[]): string {
  const own = attributes.replace(/\s*\b(tests|failures|skipped|errors|time)="[^"]*"/g, '').trim();
  return `${own} ${counts(cases)}`;
}

function attribute(attributes: string, key: string): string {
  return new RegExp(`\\b${key}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

const shardOf = (name: string) => Number(/\d+/.exec(name)![0]);
