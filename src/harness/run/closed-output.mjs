// @ts-check
// `npm run conformance | head` closes the pipe after a few lines. Node throws EPIPE at the next write,
// uncaught: Playwright's list reporter crashed the runner, which ended without its reports, and the
// script's own lines crashed the script. Importing this module makes a process outlive its console:
// output to a pipe whose reader has gone is dropped, nothing else changes. The scripts import it, and
// run-playwright.ts preloads it into the runner, which writes to the same stdout and stderr (plain
// JavaScript: the runner has no TypeScript loader yet when it preloads).
for (const stream of [process.stdout, process.stderr]) stream.on('error', dropIfClosed);

/** @param {NodeJS.ErrnoException} error */
function dropIfClosed(error) {
  if (error.code !== 'EPIPE') throw error;
}
