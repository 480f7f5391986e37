// Under `npm run`, npm forwards a SIGTERM or SIGINT sent to it alone to the shell it ran the script
// with (`sh -c`), not to the script: the shell dies, npm exits 143 and the script, orphaned, ran on
// (the whole suite against the tenant, unstopped and unwatched; the emulator holding its port). The
// parent's going is that signal: the script stops as a signal to it would stop it. Outside npm a parent
// may go on purpose (a detached run), so only npm's shell counts.
const POLL_MS = 250;
// The parent at start, not when the watch begins: a shell gone in between (a job cancelled as the
// emulator printed its "listening" line) left a watch comparing with the reaper, which never goes.
const STARTED_UNDER = process.ppid;

export function stopWhenOrphaned(
  stop: () => void,
  { parentPid = STARTED_UNDER, currentParent = () => process.ppid, underNpm = isUnderNpm() } = {},
): () => void {
  if (!underNpm) return () => {};
  const timer = setInterval(() => {
    if (currentParent() === parentPid) return;
    clearInterval(timer);
    stop();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function isUnderNpm(): boolean {
  return Boolean(process.env.npm_lifecycle_event);
}
