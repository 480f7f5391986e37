import type { TargetInfo } from './test-record.ts';

// A project's target as the reports name and describe it. The harness sets metadata.target and
// metadata.targetInfo on every conformance project; without them (an ad-hoc config) the environment
// of interfaces.md section 2 says what the target was.
export function targetOf(metadata: Record<string, unknown> | undefined, env = process.env): string {
  const name = metadata?.target;
  return typeof name === 'string' && name ? name : env.MDE_TARGET?.trim() || 'embedded';
}

export function targetInfoOf(metadata: Record<string, unknown> | undefined, env = process.env): TargetInfo {
  const info = metadata?.targetInfo;
  if (info && typeof info === 'object' && 'mode' in info) {
    const given = info as Record<string, unknown>;
    return { ...given, mode: String(given.mode), apiHost: String(given.apiHost ?? 'unknown') };
  }
  const mode = env.MDE_TARGET?.trim() || 'embedded';
  return { mode, apiHost: hostOf(env.MDE_API_BASE_URL) ?? defaultHost(mode) };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function defaultHost(mode: string): string {
  return mode === 'tenant' ? 'api.securitycenter.microsoft.com' : 'loopback (emulator started by the suite)';
}
