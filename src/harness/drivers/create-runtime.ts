import type { APIRequestContext } from '@playwright/test';
import type { HarnessConfig } from '../config/load-config.ts';
import type { TargetSpec } from '../config/target-spec.ts';
import { ConfigError } from '../errors.ts';
import { createEmulatorRuntime } from './emulator-driver.ts';
import type { TargetRuntime } from './target-driver.ts';
import { createTenantRuntime } from './tenant-driver.ts';

export interface RuntimeContext {
  request: APIRequestContext;
  config: HarnessConfig;
  resultsDir: string;
  // embedded: the URL of the emulator the fixture started, and how to stop it.
  embedded?: { url: string; close: () => Promise<void> };
}

export function createRuntime(spec: TargetSpec, ctx: RuntimeContext): TargetRuntime {
  const { request, config } = ctx;
  switch (spec.mode) {
    case 'embedded': {
      if (!ctx.embedded) throw new Error('The embedded target needs the emulator started by the fixture.');
      const url = ctx.embedded.url;
      return createEmulatorRuntime({
        spec,
        request,
        apiBaseUrl: url,
        authBaseUrl: url,
        controlBaseUrl: url,
        runId: config.runId,
        onClose: ctx.embedded.close,
      });
    }
    case 'emulator':
      return createEmulatorRuntime({
        spec,
        request,
        apiBaseUrl: spec.apiBaseUrl,
        authBaseUrl: spec.authBaseUrl ?? spec.apiBaseUrl,
        controlBaseUrl: spec.controlBaseUrl ?? spec.apiBaseUrl,
        runId: config.runId,
      });
    case 'tenant':
      if (!config.credentials)
        throw new ConfigError([{ variable: 'MDE_CLIENT_ID', problem: 'is required when MDE_TARGET=tenant' }]);
      return createTenantRuntime({
        spec,
        credentials: config.credentials,
        request,
        runId: config.runId,
        resultsDir: ctx.resultsDir,
      });
  }
}
