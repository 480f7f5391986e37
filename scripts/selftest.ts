// npm run selftest: the self-test matrix (scripts/selftest-matrix.ts). Its command line is read first,
// and the matrix (some 330 modules: Playwright's runner, the emulator, the contract) loaded only once
// that is good: a mistyped option is refused in one line without that cost.
import { selftestArgsOrExit } from '../src/selftest/selftest-args.ts';

selftestArgsOrExit();
await import('./selftest-matrix.ts');
