// @ts-check
// `npm run conformance | head` closes the pipe after a few lines, and `> /dev/full` refuses every write.
// Node throws the write's error (EPIPE, ENOSPC) uncaught: Playwright's list reporter crashed the runner,
// which ended without its reports, and the script's own lines crashed the script. The console is
// best-effort, the reports are the evidence: importing this module makes a process drop output it
// cannot write and go on. The scripts import it, and run-playwright.ts preloads it into the runner,
// which writes to the same stdout and stderr (plain JavaScript: the runner has no TypeScript loader
// yet when it preloads).
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
