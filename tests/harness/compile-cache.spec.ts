import module from 'node:module';
import { expect, test } from '@playwright/test';
import { COMPILE_CACHE_DIR, compileCacheEnv } from '../../src/harness/run/compile-cache.ts';

const supported = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

test('the children of a run share a compile cache where Node has one (22.1+), and nothing changes on Node 20', () => {
  expect(compileCacheEnv({})).toEqual(supported ? { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR } : {});
});

test('a compile cache the user set, or turned off, is left as it is', () => {
  expect(compileCacheEnv({ NODE_COMPILE_CACHE: '/elsewhere' })).toEqual({});
  expect(compileCacheEnv({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({});
});
