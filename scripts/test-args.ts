import { scriptArgs } from '../src/common/script-args.ts';

// The one description of `npm test`'s command line. It takes no argument but --help, and refuses any
// other (a folder, as `npx playwright test` takes one) rather than start the whole five-minute run.
const TEST_USAGE = `Usage: npm test [-- --help]

The project's own checks: lint (biome check) and typecheck (tsc --noEmit) beside the unit tests of
common, contract, emulator, harness, reporters and selftest, then the self-test matrix; ends with one line
"N passed, N failed". Exits 0 when nothing failed, 1 otherwise, 2 for a usage error.

Takes no argument but --help. While you work, run a part alone:

  npx playwright test -c playwright.unit.config.ts tests/<folder>   unit tests of one folder
  MDE_SELFTEST_ONLY=profile:default,fault:NAME npm run selftest       a narrowed self-test
  npm run lint, npm run typecheck

Docs: docs/interfaces.md#commands, CONTRIBUTING.md`;

// --help prints the usage and ends; anything else is one line and exit 2, before any check starts.
export function testArgsOrExit(): void {
  try {
    scriptArgs(TEST_USAGE, {});
  } catch (error) {
    console.error(`test: ${(error as Error).message}`);
    process.exit(2);
  }
}
