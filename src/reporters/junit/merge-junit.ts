import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { JUNIT_XML, shardOfJunitName } from '../../common/report-files.ts';
import { writeWhole } from '../../common/write-whole.ts';
import type { RunRecords, TestRecord } from '../records/test-record.ts';
import { junitAgreeingWith } from './junit-outcomes.ts';
import {
  attribute,
  type CaseKind,
  type JunitCase,
  type JunitDocument,
  JunitFormatError,
  type JunitSuite,
  JunitText,
} from './junit-xml.ts';

// The shards' JUnit files (Playwright's reporter, one <testsuites> each) as one file, counting the same
// tests as the merged records: a test found in several shards (a project Playwright runs whole on every
// shard) is kept once, its most damning result, as merge-records.ts keeps it (a failure outranks an
// error, as in the verdict rules). The repetitions of --repeat-each bear one name too, but are tests of
// their own: as many cases are kept as the merged records hold repetitions of the test (`records`).
const SEVERITY: Record<CaseKind, number> = { failure: 3, error: 2, passed: 1, skipped: 0 };

export function mergeJunit(
  files: readonly { name: string; xml: string }[],
  records: readonly TestRecord[] = [],
): string {
  const text = new JunitText();
  const suites = new Map<string, { name: string; attributes: string; cases: Map<string, JunitCase[]> }>();
  const documents = files.map(({ name, xml }) => {
    try {
      return text.read(name, xml);
    } catch (error) {
      if (error instanceof JunitFormatError)
        throw new JunitFormatError(`${error.message}: run its shard again`);
      throw error;
    }
  });
  for (const document of documents)
    for (const { name, attributes, cases } of document.suites) {
      // Playwright writes a suite per file and project (its hostname): one file's suites of two
      // projects stay two.
      const project = attribute(attributes, 'hostname');
      const suiteKey = `${name}\u0000${project}`;
      const suite = suites.get(suiteKey) ?? { name, attributes, cases: new Map<string, JunitCase[]>() };
      suites.set(suiteKey, suite);
      for (const c of cases) {
        const key = `${c.classname}\u0000${c.name}`;
        const kept = [...(suite.cases.get(key) ?? []), c].sort((a, b) => SEVERITY[b.kind] - SEVERITY[a.kind]);
        suite.cases.set(key, kept.slice(0, repetitionsOf(c, project, records)));
      }
    }
  const merged: JunitDocument = {
    // The run's id and name (PLAYWRIGHT_JUNIT_SUITE_ID, _NAME) as the first shard wrote them.
    id: documents[0]?.id ?? '',
    name: documents[0]?.name ?? '',
    // The run's wall time, as Playwright writes it: shards run side by side, the longest one's.
    time: Math.max(0, ...documents.map((d) => d.time)),
    // A suite's time is that of the cases kept: a copy of a test from another shard is not counted.
    suites: [...suites.values()].map((s): JunitSuite => {
      const cases = [...s.cases.values()].flat();
      const time = Number(cases.reduce((sum, c) => sum + c.time, 0).toFixed(3));
      return { name: s.name, attributes: s.attributes, time, cases };
    }),
  };
  return text.write(merged);
}

// Writes <reportsDir>/junit.xml from the JUnit files in `shardsDir` of the shards whose records were
// merged (`merged.shards`: their records files, shard-<i>-of-<n>.json), so that it counts the tests the
// merged report counts. Without any (shards of an older suite), or when one is damaged or missing, an older
// junit.xml would disagree with the merged report: it goes.
export function writeMergedJunit(
  shardsDir: string,
  reportsDir: string,
  merged: { shards: readonly string[]; records: RunRecords },
): { line: string; ok: boolean } {
  const target = join(reportsDir, JUNIT_XML);
  const present = existsSync(shardsDir)
    ? readdirSync(shardsDir).filter((f) => shardOfJunitName(f) !== undefined)
    : [];
  const wanted = merged.shards.map((records) =>
    records.replace(/^shard-(\d+-of-\d+)\.json$/, 'junit-$1.xml'),
  );
  const names = present.filter((name) => wanted.includes(name));
  const absent = wanted.filter((name) => !present.includes(name));
  // A shard whose records are missing is a run error of the merged report, and none of its tests is there.
  const unmerged = present.filter((name) => !wanted.includes(name));
  const leftOut = unmerged.length
    ? `; left out ${unmerged.join(', ')}: no records of ${unmerged.length > 1 ? 'those shards' : 'that shard'} were merged`
    : '';
  try {
    if (names.length === 0) {
      const had = existsSync(target);
      rmSync(target, { force: true });
      return {
        line: `merge-shards: the shards merged wrote no JUnit files${had ? `; ${target} (another run's) removed` : ''}${leftOut}`,
        ok: true,
      };
    }
    if (absent.length > 0)
      throw new Error(
        `${absent.join(', ')} missing beside ${absent.length > 1 ? 'their' : 'its'} shard's records, so it would count fewer tests than the merged report: copy it there, or run that shard again`,
      );
    const files = names
      .sort((a, b) => shardOf(a) - shardOf(b))
      .map((name) => ({ name, xml: readFileSync(join(shardsDir, name), 'utf8') }));
    // Each test as the merged records judged it, as after an unsharded run (junit-outcomes.ts).
    const xml = mergeJunit(files, merged.records.tests);
    writeWhole(target, junitAgreeingWith(xml, merged.records, target).xml);
    return { line: `merge-shards: ${target} from ${names.length} shard JUnit file(s)${leftOut}`, ok: true };
  } catch (error) {
    rmSync(target, { force: true });
    return { line: `merge-shards: no ${target}: ${(error as Error).message}${leftOut}`, ok: false };
  }
}

// How many repetitions of a JUnit case's test the records hold (--repeat-each), 1 at least: its file,
// project and title, as junit-outcomes.ts finds a case's record.
function repetitionsOf(c: JunitCase, project: string, tests: readonly TestRecord[]): number {
  const file = c.classname.replaceAll('\\', '/');
  const repeats = tests
    .filter(
      (t) =>
        t.file === file && t.project === project && (c.name === t.title || c.name.endsWith(` › ${t.title}`)),
    )
    .map((t) => t.repeat ?? 0);
  return Math.max(1, new Set(repeats).size);
}

const shardOf = (name: string) => Number(/\d+/.exec(name)![0]);
