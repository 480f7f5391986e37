import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';
import { runRecords } from './helpers/records.ts';

test.afterEach(removeTempDirs);

// allurerc.mjs reads the run's records when it loads: each import gets a fresh copy.
async function allureConfigFor(records: unknown) {
  const file = join(tempDir('allure-config-'), 'compliance-records.json');
  writeFileSync(file, JSON.stringify(records));
  const saved = process.env.MDE_COMPLIANCE_RECORDS;
  process.env.MDE_COMPLIANCE_RECORDS = file;
  try {
    const url = `${pathToFileURL(join(repoRoot, 'allurerc.mjs')).href}?records=${encodeURIComponent(file)}`;
    return (await import(url)).default as {
      variables: Record<string, string>;
      environments: Record<string, { variables: Record<string, string> }>;
    };
  } finally {
    if (saved === undefined) delete process.env.MDE_COMPLIANCE_RECORDS;
    else process.env.MDE_COMPLIANCE_RECORDS = saved;
  }
}

test("the Allure report names the target as compliance.md does: a broken emulator's faults, and the run", async () => {
  const records = runRecords([], {
    runId: 'run-20260101T000000-abcdef',
    targets: {
      embedded: {
        mode: 'embedded',
        apiHost: 'loopback (emulator started by the suite)',
        description: 'embedded reference emulator (profile default; faults final-state-500)',
        profile: 'default',
        faults: ['final-state-500'],
      },
    },
  });
  const config = await allureConfigFor(records);
  expect(config.variables.Targets).toBe(
    'embedded: embedded reference emulator (profile default; faults final-state-500), embedded at loopback (emulator started by the suite)',
  );
  expect(config.variables.Run).toBe('run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z');
  expect(config.environments.embedded!.variables).toMatchObject({
    description: 'embedded reference emulator (profile default; faults final-state-500)',
  });
  // An emulator's description holds its address: said once.
  const emulator = await allureConfigFor(
    runRecords([], {
      targets: {
        emulator: {
          mode: 'emulator',
          apiHost: '127.0.0.1:4010',
          description: 'emulator at http://127.0.0.1:4010',
        },
      },
    }),
  );
  expect(emulator.variables.Targets).toBe('emulator: emulator at http://127.0.0.1:4010');
  expect(emulator.variables.Run).toBe('started 2026-01-01T00:00:00.000Z');
});
