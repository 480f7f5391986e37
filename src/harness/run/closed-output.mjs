// @ts-check
// `npm run conformance | head` closes the pipe after a few lines, and `> /dev/full` refuses every write.
// Node throws the write's error (EPIPE, ENOSPC) uncaught: Playwright's list reporter crashed the runner,
// which ended without its reports, and the script's own lines crashed the script. The console is
// best-effort, the reports are the evidence: importing this module makes a process drop output the
// system cannot write and go on, saying so once on the other stream unless the reader simply left. An
// error of the program itself (a write after end) still throws. The scripts import it, and
// run-playwright.ts preloads it into the runner, which writes to the same stdout and stderr (plain
// JavaScript: the runner has no TypeScript loader yet when it preloads).
let said = false;
for (const [stream, name, other] of /** @type {const} */ ([
  [process.stdout, 'stdout', process.stderr],
  [process.stderr, 'stderr', process.stdout],
]))
  stream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    // System errors have codes such as EPIPE, ENOSPC, EIO; Node's own (ERR_...) are the program's.
    if (typeof error.code !== 'string' || !/^E[A-Z]+$/.test(error.code)) throw error;
    if (error.code === 'EPIPE' || said) return;
    said = true;
    try {
      other.write(
        `warning: ${name} cannot be written (${error.code}); its output is dropped, the run goes on\n`,
      );
    } catch {
      // The other stream is gone too: nothing is left to tell.
    }
  });
