import module from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';

// Node 22.1+ can keep the V8 code it compiles for each module on disk and reuse it in the next
// process. Every run starts a Playwright runner, two workers and an Allure child, each loading
// Playwright's and Allure's megabytes of JavaScript again: with the cache they used about 4 % less CPU
// on Node 24 (9.8 against 10.2 core-seconds a main job). Node keys the cache by file content and its
// own version; on Node 20 there is no such cache and nothing changes. A user's own setting wins.
export const COMPILE_CACHE_DIR = join(repoRoot, 'node_modules', '.cache', 'node-compile-cache');

export const NODE_HAS_COMPILE_CACHE =
  typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

export function compileCacheEnv(
  env: NodeJS.ProcessEnv = process.env,
  supported = NODE_HAS_COMPILE_CACHE,
): Record<string, string> {
  if (!supported || env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE) return {};
  return { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR };
}
