import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { encodeRunPlan, RUN_PLAN_VARIABLE, type RunPlan } from '../../src/harness/run/run-plan.ts';
import { embeddedPlan } from '../helpers/embedded-plan.ts';

// The conformance suite as Playwright itself lists it for a plan (`--list --reporter=json`), one entry
// per declared test: what the coverage tests read (requirement-coverage.spec.ts).
export interface Listed {
  title: string;
  // Relative to the repository: tests/conformance/not-found.spec.ts.
  file: string;
  tags: string[];
  requirements: string[];
}

type Spec = { title: string; file: string; tags: string[]; tests: { annotations: Annotation[] }[] };
type Annotation = { type: string; description?: string };
type ListedSuite = { specs?: Spec[]; suites?: ListedSuite[] };
export interface ListingReport {
  config: { rootDir: string };
  errors: { message: string }[];
  suites: ListedSuite[];
}

// A plan of embedded targets with these names, for listing only (nothing runs).
export function listingPlan(names: readonly string[] = ['a']): RunPlan {
  return embeddedPlan(names, { runId: 'list', exchanges: 'quiet' });
}

// One listing a worker for each plan: the files that read the same plan's listing (each a Playwright
// run in a child, 2 s of CPU) share it. Callers only read it.
const listings = new Map<string, Promise<readonly Listed[]>>();
export function listSuite(plan: RunPlan): Promise<readonly Listed[]> {
  const key = encodeRunPlan(plan);
  let listing = listings.get(key);
  if (!listing) {
    // A listing that failed (a loaded machine's timeout) is asked again by the next file, not kept.
    listing = listOnce(plan).catch((error: unknown) => {
      listings.delete(key);
      throw error;
    });
    listings.set(key, listing);
  }
  return listing;
}

function listOnce(plan: RunPlan): Promise<Listed[]> {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [cli, 'test', '-c', 'playwright.config.ts', '--list', '--reporter=json'],
      {
        cwd: repoRoot,
        env: { ...listingEnv(process.env), [RUN_PLAN_VARIABLE]: encodeRunPlan(plan) },
        maxBuffer: 64 << 20,
      },
      (error, stdout) => {
        if (error && !stdout) return reject(error);
        try {
          resolve(listedOf(JSON.parse(stdout) as ListingReport));
        } catch (problem) {
          reject(problem);
        }
      },
    ),
  );
}

// The listing is read from stdout: a PLAYWRIGHT_JSON_OUTPUT_* variable left in the environment (as by
// a unit run with `--reporter=json` to a file) would send it to that file instead.
export function listingEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('PLAYWRIGHT_JSON_OUTPUT_')),
  );
}

// A file that fails to load (an unknown id in req()) empties the whole listing: its error, not a list
// of every requirement as unclaimed, is what the coverage tests must show.
export function listedOf(report: ListingReport): Listed[] {
  if (report.errors.length > 0)
    throw new Error(
      `the conformance suite does not load: ${report.errors.map((e) => e.message.split('\n')[0]!.replace(/^Error: /, '')).join('; ')}`,
    );
  const out: Listed[] = [];
  const walk = (suite: ListedSuite) => {
    for (const spec of suite.specs ?? [])
      out.push({
        title: spec.title,
        file: relative(repoRoot, join(report.config.rootDir, spec.file)),
        tags: spec.tags.map((t) => (t.startsWith('@') ? t : `@${t}`)),
        requirements: spec.tests[0]!.annotations.filter((a) => a.type === 'requirement').map(
          (a) => a.description ?? '',
        ),
      });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return out;
}
