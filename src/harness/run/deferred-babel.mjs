// @ts-check
// Playwright's runner requires its Babel bundle as it loads (runner/rebase.ts, for aria-snapshot
// rebaselines), 70-120 ms of CPU before any worker starts; a run of this suite never rebaselines, and
// Babel compiles TypeScript only when Playwright's cache misses. Preloaded into the runner (and thereby
// its workers), this puts a stand-in in the bundle's place that loads the real bundle at its first use.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The bundle's exports (its __export list); tests/harness/run/deferred-babel.spec.ts compares them.
export const BABEL_EXPORTS = ['babelParse', 'babelTransform', 'declare', 'traverse', 'types'];

/** @param {string} path @returns {Record<string, any>} */
function standIn(path) {
  /** @type {Record<string, any> | undefined} */
  let real;
  const load = () => {
    if (real) return real;
    const cached = require.cache[path];
    delete require.cache[path];
    try {
      real = /** @type {Record<string, any>} */ (require(path));
    } catch (error) {
      if (cached) require.cache[path] = cached;
      throw error;
    }
    return real;
  };
  const exports = Object.defineProperty({}, '__esModule', { value: true });
  for (const name of BABEL_EXPORTS)
    Object.defineProperty(exports, name, {
      enumerable: true,
      // The rebaseline module keeps `types` at its top level: a view that loads Babel when read.
      get: () =>
        name === 'types'
          ? new Proxy({}, { get: (_, key) => load().types[key], has: (_, key) => key in load().types })
          : load()[name],
    });
  return exports;
}

/** @param {string} [request] */
export function deferBabel(request = 'playwright/lib/transform/babelBundle') {
  let path;
  try {
    path = require.resolve(request);
  } catch {
    // Another Playwright layout: it loads its bundle as before.
    return false;
  }
  if (require.cache[path]) return false;
  const module = new (require('node:module'))(path);
  module.filename = path;
  module.loaded = true;
  module.exports = standIn(path);
  require.cache[path] = module;
  return true;
}

deferBabel();
