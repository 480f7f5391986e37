// Preloaded into Playwright's runner by run-playwright.ts. The runner stops a run gracefully only on
// SIGINT; SIGTERM (a cancelled CI job, `timeout`, both often sent to the whole process group) killed it
// before its reporters ended the run, so no report said why. SIGTERM now stops it as Ctrl-C does; a
// repeat within a second is the same stop (Playwright's own rule), a later one ends it.
// Its workers inherit the preload and ignore it: only the runner's command line is Playwright's cli.js.
if (/[\\/]cli\.js$/.test(process.argv[1] ?? ''))
  process.on('SIGTERM', () => process.kill(process.pid, 'SIGINT'));
