// npm run selftest: the self-test matrix (scripts/selftest-matrix.ts). Its command line and .env are
// read first, and the matrix (some 330 modules: Playwright's runner, the emulator, the contract) loaded
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
await import('./selftest-matrix.ts');
