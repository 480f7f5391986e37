import module from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';

// Node 22.1+ can keep the V8 code it compiles for each module on disk and reuse it in the next
// process. Every run starts a Playwright runner, two workers and an Allure child, each loading
// Playwright's and Allure's megabytes of JavaScript again: with the cache a main job took 4.2-4.9 s
// instead of 4.5-5.4 s on Node 24. Node keys the cache by file content and its own version; on Node 20
// there is no such cache and nothing changes. A user's own NODE_COMPILE_CACHE wins.
export const COMPILE_CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'node-compile-cache');

export function compileCacheEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const supported = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (!supported || env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE) return {};
  return { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR };
}
