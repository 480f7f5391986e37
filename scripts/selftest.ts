// npm run selftest: the self-test matrix (scripts/selftest-matrix.ts). Its command line, .env and
// selection (MDE_SELFTEST_ONLY and the like) are read first, and the matrix (some 330 modules: Playwright's runner, the emulator, the contract) loaded
// only once they are good: a mistyped option or an unreadable .env is refused in one line without that
// cost.
import { selftestArgsOrExit } from '../src/selftest/selftest-args.ts';

selftestArgsOrExit();
const [{ readEnvFile }, { ConfigError }, { selftestEnvFileWarnings }] = await Promise.all([
  import('../src/harness/config/read-env.ts'),
  import('../src/harness/errors.ts'),
  import('../src/selftest/env-file-settings.ts'),
]);
// The repository's .env. The self-test takes none of its settings, but the matrix run's reporters read
// it (the secrets to redact, a baseline): one they cannot read (UTF-16, a named pipe) ended the whole
// run as "wrote no compliance report". Its problem is one line before any emulator starts, exit 2.
try {
  for (const line of selftestEnvFileWarnings(readEnvFile())) console.error(line);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const line of error.lines()) console.error(line);
  process.exit(2);
}
// A selection of no case (MDE_SELFTEST_ONLY=, or a misspelt name) too: the case names load the
// emulator's catalogue, not the matrix's Playwright runner and reporters.
const [{ SELFTEST_CASES }, { selftestSelection }] = await Promise.all([
  import('../src/selftest/selftest-cases.ts'),
  import('../src/selftest/selftest-selection.ts'),
]);
const { problems } = selftestSelection(process.env, SELFTEST_CASES);
if (problems.length > 0) {
  for (const line of new ConfigError(problems).lines()) console.error(line);
  process.exit(2);
}
await import('./selftest-matrix.ts');
