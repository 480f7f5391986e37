import { scriptArgs } from '../common/script-args.ts';

// The one description of the command line; docs/interfaces.md#commands says the rest.
const SELFTEST_USAGE = `Usage: npm run selftest [-- --help]

Runs the conformance suite against the reference emulator in every conforming profile and with every
deliberate fault, against the independent emulator and in two tenant rehearsals, then calibrates an
emulator from each observed profile; writes reports/selftest.md and reports/selftest.json. Exits 0 when
every case holds, 1 when one does not (or the matrix wrote no report), 2 for a usage or configuration
error.

Takes no argument but --help: a Playwright option (--grep, --shard, ...) would narrow the tests, and a
fault whose tests did not run would read as not caught. Narrow it by case instead:

  MDE_SELFTEST_ONLY     only these cases, comma-separated (profile:default,fault:cancel-new-id)
  MDE_SELFTEST_WORKERS  Playwright workers of the emulator targets (default: one a core, at most one
                        a GiB of memory)
  MDE_SELFTEST_REHEARSAL_PROFILE
                        the built-in profile the tenant rehearsals' emulators answer in (default:
                        default; lagging and replicated wait in real time: minutes)

Docs: docs/interfaces.md#commands, docs/writing-tests.md`;

// --help prints the usage and ends; anything else is one line and exit 2, before any emulator starts.
export function selftestArgsOrExit(): void {
  try {
    scriptArgs(SELFTEST_USAGE, {});
  } catch (error) {
    console.error(`self-test: ${(error as Error).message}`);
    process.exit(2);
  }
}
