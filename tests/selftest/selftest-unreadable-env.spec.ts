import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../helpers/api-test.ts';
import { runRecordingLoads } from '../helpers/loaded-modules.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The self-test takes none of its settings from .env, but its matrix run's reporters read the file (the
// secrets to redact, a baseline): a .env saved as UTF-16 ran the whole matrix and then ended "the matrix
// run wrote no compliance report (Playwright exit 1)", saying nothing of the file. npm run conformance
// names it in one line; the self-test now does too, before any emulator starts (exit 2), and before it
// loads the matrix.
test('a .env the run cannot read is one ConfigError line and exit 2 before the matrix starts', () => {
  const dir = tempDir('selftest-utf16-env-');
  writeFileSync(join(dir, '.env'), Buffer.from('\ufeffMDE_TARGET=embedded\n', 'utf16le'));
  const { run, loaded } = runRecordingLoads(
    'scripts/selftest.ts',
    [],
    { MDE_SELFTEST_ONLY: 'profile:default' },
    dir,
  );
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^ConfigError: \.env is UTF-16 encoded/),
  ]);
  expect(run.stdout).not.toContain('running');
  expect(run.status).toBe(2);
  // Refused before the matrix (Playwright's runner, the emulator) is loaded.
  expect(loaded).not.toContain('scripts/selftest-matrix.ts');
  expect(loaded.filter((m) => m.startsWith('@playwright/') || m.startsWith('src/emulator/'))).toEqual([]);
});
