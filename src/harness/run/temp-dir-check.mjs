// @ts-check
// tsx keeps its compile cache in the temporary directory, and a run its emulators' key file: with a
// TMPDIR that cannot be written (read-only, a file, another user's), tsx threw while compiling the very
// first module, a stack trace of its own before any line of the suite ran. The npm scripts preload this
// module ahead of tsx (plain JavaScript: no loader yet) to say so in one line, exit 2. It also arms
// the early-stop line for the signals that come while tsx loads (early-stop.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { armEarlyStop, TAKES_OVER } from './early-stop.mjs';

const dir = tmpdir();
try {
  rmSync(mkdtempSync(join(dir, 'mde-check-')), { recursive: true, force: true });
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? 'error';
  const script = process.env.npm_lifecycle_event ?? basename(process.argv[1] ?? 'node', '.ts');
  process.stderr.write(
    `${script}: the temporary directory ${dir} cannot be written (${code}); set TMPDIR to a directory this user can write\n`,
  );
  process.exit(2);
}
const name = basename(process.argv[1] ?? '', '.ts');
if (TAKES_OVER.includes(name)) armEarlyStop(name);
