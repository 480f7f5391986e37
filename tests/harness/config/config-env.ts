// Shared by the configuration specs: a complete tenant environment and how to read its problems.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { type Env, loadConfig } from '../../../src/harness/config/load-config.ts';
import type { TenantTarget } from '../../../src/harness/config/target-spec.ts';
import { ConfigError } from '../../../src/harness/errors.ts';
import type { Clock } from '../../../src/harness/wall-clock.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

export const TENANT: Env = {
  MDE_TARGET: 'tenant',
  MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  MDE_CLIENT_SECRET: 'a-client-secret-value-xyz',
};
// The tenant environment without its client secret, for the other ways to sign in.
const { MDE_CLIENT_SECRET: _, ...withoutSecret } = TENANT;
export const NO_SECRET: Env = withoutSecret;
export const OTHER_ID = '22222222-2222-4333-8444-555555555555';
// In a directory of its own, which the spec removes with `test.afterEach(removeTempDirs)`.
export function file(name: string, text: string): string {
  const path = join(tempDir('config-'), name);
  writeFileSync(path, text);
  return path;
}

export function problems(env: Env, clock?: Clock): string[] {
  const error = (() => {
    try {
      loadConfig(env, clock);
    } catch (e) {
      return e;
    }
    throw new Error('loadConfig accepted the configuration');
  })();
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).lines();
}

export const tenant = (env: Env) => loadConfig(env).target as TenantTarget;
