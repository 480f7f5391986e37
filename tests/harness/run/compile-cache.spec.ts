import module from 'node:module';
import {
  COMPILE_CACHE_DIR,
  compileCacheEnv,
  NODE_HAS_COMPILE_CACHE,
} from '../../../src/harness/run/compile-cache.ts';
import { expect, test } from '../../helpers/api-test.ts';

test('the children of a run share a compile cache where Node has one (22.1+), and get nothing on Node 20', () => {
  expect(compileCacheEnv({}, true)).toEqual({ NODE_COMPILE_CACHE: COMPILE_CACHE_DIR });
  expect(compileCacheEnv({}, false)).toEqual({});
});

test('whether this Node has a compile cache is read from Node itself', () => {
  expect(NODE_HAS_COMPILE_CACHE).toBe('enableCompileCache' in module);
});

test('a compile cache the user set, or turned off, is left as it is', () => {
  expect(compileCacheEnv({ NODE_COMPILE_CACHE: '/elsewhere' }, true)).toEqual({});
  expect(compileCacheEnv({ NODE_DISABLE_COMPILE_CACHE: '1' }, true)).toEqual({});
});
