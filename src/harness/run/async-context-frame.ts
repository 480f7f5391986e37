// Node 22 builds AsyncLocalStorage on async_hooks: once a store exists (Playwright's zones make one in
// every runner and worker), every promise, tick and timer runs init/before/after hooks. Node 24 builds
// it on V8's continuation frames instead, with no hooks; Node 22.7+ does too behind this flag. In a
// self-test's workers the hooks were 2.7-2.9 % of self time in CPU profiles, and more in GC and V8's
// slower promise path. Node 20 has no such flag. A user's own choice, either way, wins. Given to the
// runner as an argument, which Playwright's fork hands its workers, not in NODE_OPTIONS: every process a
// test starts would inherit that, and a `node` of another version found on PATH refuses the flag (exit 9).
const FLAG = '--experimental-async-context-frame';

export function asyncContextFrameArgs(
  env: NodeJS.ProcessEnv = process.env,
  nodeVersion: string = process.versions.node,
): string[] {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const hasFlagOffByDefault = (major === 22 && minor >= 7) || major === 23;
  const options = env.NODE_OPTIONS ?? '';
  // Node reads `_` in an option's name as `-`: `--no-experimental_async_context_frame` is a choice too.
  if (!hasFlagOffByDefault || /--(no[-_])?(experimental[-_])?async[-_]context[-_]frame\b/.test(options))
    return [];
  return [FLAG];
}
