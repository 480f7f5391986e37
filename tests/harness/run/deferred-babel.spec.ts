import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { runnerArgv } from '../../../src/harness/run/run-playwright.ts';
import { expect, test } from '../../helpers/api-test.ts';

const PRELOAD = join(repoRoot, 'src', 'harness', 'run', 'deferred-babel.mjs');
const BUNDLE = createRequire(import.meta.url).resolve('playwright/lib/transform/babelBundle');

// A plain Node child, from the repository, printing what `script` logs as JSON.
function child(script: string, preload: boolean): unknown {
  const run = spawnSync(
    process.execPath,
    [...(preload ? ['--import', pathToFileURL(PRELOAD).href] : []), '-e', script],
    { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

test("the stand-in offers what Playwright's Babel bundle exports", async () => {
  const { BABEL_EXPORTS } = (await import(pathToFileURL(PRELOAD).href)) as { BABEL_EXPORTS: string[] };
  const real = child(`console.log(JSON.stringify(Object.keys(require(${JSON.stringify(BUNDLE)}))))`, false);
  expect([...BABEL_EXPORTS].sort()).toEqual((real as string[]).sort());
});

test('Babel loads only when it is used: the rebaseline module keeps its types, a cache miss compiles', () => {
  // As Playwright's runner/index.js requires it (esbuild's __toESM copies each export as a getter).
  const script = `
    const bundle = ${JSON.stringify(BUNDLE)};
    const standIn = require.cache[bundle];
    const mod = require(bundle);
    const babel = {};
    for (const key of Object.getOwnPropertyNames(mod))
      Object.defineProperty(babel, key, { get: () => mod[key], enumerable: true });
    const t = babel.types;
    const deferred = require.cache[bundle] === standIn && standIn !== undefined;
    const isMember = t.isMemberExpression({ type: 'MemberExpression' });
    const { babelTransform } = require(bundle);
    const code = typeof babelTransform;
    console.log(JSON.stringify({ deferred, isMember, code, replaced: require.cache[bundle] !== standIn }));`;
  expect(child(script, true)).toEqual({ deferred: true, isMember: true, code: 'function', replaced: true });
  // Without the preload the bundle is the real one from the start: the check above can tell.
  expect(child(script, false)).toMatchObject({ deferred: false });
});

test("Playwright's runner is started with the stand-in, after the other preloads", () => {
  const argv = runnerArgv('playwright.config.ts', [], {}, '24.22.3');
  const at = argv.indexOf(pathToFileURL(PRELOAD).href);
  expect(argv[at - 1]).toBe('--import');
  expect(at).toBeLessThan(argv.indexOf('test'));
});
