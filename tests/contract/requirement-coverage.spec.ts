import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import {
  encodeRunPlan,
  RUN_PLAN_VARIABLE,
  type RunPlan,
  targetOfTest,
} from '../../src/harness/run/run-plan.ts';
import { expect, test } from '../helpers/api-test.ts';

// The conformance suite as Playwright itself lists it (like Kubernetes' walk.go over its tests): every
// requirement has a test, every test claims its requirements through req(), nobody writes requirement
// tags by hand, and every test is declared through suite(), so it runs once per target.
interface Listed {
  title: string;
  file: string;
  tags: string[];
  requirements: string[];
}

const PLAN: RunPlan = {
  runId: 'list',
  requestTimeoutMs: 10_000,
  testTimeoutMs: 30_000,
  exchanges: 'quiet',
  targets: ['a', 'b'].map((name) => ({
    name,
    spec: { mode: 'embedded' },
    info: { mode: 'embedded', apiHost: 'loopback', description: name },
  })),
};

type Message = { message: string };

function listSuite(): Promise<Listed[]> {
  const cli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [cli, 'test', '-c', 'playwright.config.ts', '--list', '--reporter=json'],
      {
        cwd: repoRoot,
        env: { ...process.env, [RUN_PLAN_VARIABLE]: encodeRunPlan(PLAN) },
        maxBuffer: 64 << 20,
      },
      (error, stdout) => {
        if (error && !stdout) return reject(error);
        const report = JSON.parse(stdout) as {
          config: { rootDir: string };
          errors: Message[];
          suites: object[];
        };
        const out: Listed[] = [];
        const walk = (suite: { specs?: unknown[]; suites?: unknown[] }) => {
          for (const spec of (suite.specs ?? []) as {
            title: string;
            file: string;
            tags: string[];
            tests: { annotations: { type: string; description?: string }[] }[];
          }[])
            out.push({
              title: spec.title,
              file: relative(repoRoot, join(report.config.rootDir, spec.file)),
              tags: spec.tags.map((t) => (t.startsWith('@') ? t : `@${t}`)),
              requirements: spec.tests[0]!.annotations.filter((a) => a.type === 'requirement').map(
                (a) => a.description ?? '',
              ),
            });
          for (const child of (suite.suites ?? []) as object[]) walk(child);
        };
        for (const suite of report.suites) walk(suite);
        resolve(out);
      },
    ),
  );
}

let listed: Listed[];
test.beforeAll(async () => {
  listed = await listSuite();
});

test('every conformance test is declared inside suite(), once per target of the run', () => {
  // The line the compliance reporter makes a suite error of, naming each test declared outside.
  const outside = listed.flatMap((t) => {
    try {
      targetOfTest(PLAN, t.tags, `${t.file}: "${t.title}"`);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
  expect(outside).toEqual([]);
  const titles = (name: string) =>
    listed.filter((t) => t.tags.includes(`@target:${name}`)).map((t) => t.title);
  expect(titles('a').length).toBeGreaterThan(40);
  expect(titles('b')).toEqual(titles('a'));
});

test('every requirement of the registry is claimed by at least one conformance test', () => {
  const claimed = new Set(listed.flatMap((t) => t.requirements));
  const missing = getRegistry()
    .requirements.map((r) => r.id)
    .filter((id) => !claimed.has(id));
  expect(missing).toEqual([]);
});

test('every conformance test claims its requirements through req()', () => {
  const unclaimed = listed.filter((t) => t.requirements.length === 0).map((t) => `${t.file}: ${t.title}`);
  expect(unclaimed).toEqual([]);
});

test('no conformance test writes requirement or level tags by hand', () => {
  const registry = getRegistry();
  const handMade = listed.flatMap((t) => {
    const fromReq = new Set(
      t.requirements.flatMap((id) => [`@${id}`, `@${registry.get(id).level.toLowerCase()}`]),
    );
    return t.tags
      .filter((tag) => !tag.startsWith('@target:') && !fromReq.has(tag))
      .map((tag) => `${t.file}: ${t.title}: ${tag}`);
  });
  expect(handMade).toEqual([]);
});
