import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// allurerc.mjs reads the run's records (and its reports, if given) when it loads: each import gets a
// fresh copy.
async function allureConfigFor(records: unknown, reports: Record<string, unknown> = {}) {
  const dir = tempDir('allure-config-');
  const file = join(dir, 'compliance-records.json');
  writeFileSync(file, JSON.stringify(records));
  for (const [path, content] of Object.entries(reports)) {
    mkdirSync(join(dir, 'reports', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'reports', path), JSON.stringify(content));
  }
  const saved = [process.env.MDE_COMPLIANCE_RECORDS, process.env.MDE_REPORTS_DIR];
  process.env.MDE_COMPLIANCE_RECORDS = file;
  process.env.MDE_REPORTS_DIR = join(dir, 'reports');
  try {
    const url = `${pathToFileURL(join(repoRoot, 'allurerc.mjs')).href}?records=${encodeURIComponent(file)}`;
    return (await import(url)).default as {
      variables: Record<string, string>;
      environments: Record<string, { variables: Record<string, string> }>;
    };
  } finally {
    restore('MDE_COMPLIANCE_RECORDS', saved[0]);
    restore('MDE_REPORTS_DIR', saved[1]);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
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
    'embedded reference emulator (profile default; faults final-state-500), loopback (emulator started by the suite)',
  );
  expect(config.variables.Run).toBe('run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z');
  expect(config.environments.embedded!.variables).toMatchObject({
    description: 'embedded reference emulator (profile default; faults final-state-500)',
  });
  // An emulator's description holds its name and address: each said once.
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
  expect(emulator.variables.Targets).toBe('emulator at http://127.0.0.1:4010');
  // A self-test target's name is not its description's start: named first.
  const named = await allureConfigFor(
    runRecords([], {
      targets: {
        'fault:cancel-new-id': {
          mode: 'embedded',
          apiHost: 'loopback (emulator started by the suite)',
          description: 'embedded reference emulator (profile default; faults cancel-new-id)',
        },
      },
    }),
  );
  expect(named.variables.Targets).toBe(
    'fault:cancel-new-id: embedded reference emulator (profile default; faults cancel-new-id), loopback (emulator started by the suite)',
  );
  expect(emulator.variables.Run).toBe('started 2026-01-01T00:00:00.000Z');
});

test("the Allure report carries this run's verdict, partial or not, and no earlier run's", async () => {
  const startedAt = '2026-01-01T00:00:00.000Z';
  const records = runRecords([], {
    targets: { embedded: { mode: 'embedded', apiHost: 'loopback', description: 'embedded' } },
  });
  const partial = {
    startedAt,
    summary: {
      exitCode: 0,
      exitReason: 'no MUST requirement failed; partial run: 2 of 5 requirements had no test in it',
      notRun: ['A.B', 'C.D'],
      requirements: 5,
    },
  };
  const config = await allureConfigFor(records, { 'compliance.json': partial });
  // The exit code first: the overview shows about 40 characters of a value.
  expect(config.variables.Verdict).toBe(
    'exit 0: no MUST requirement failed; partial run: 2 of 5 requirements had no test in it',
  );
  // Said on its own too: the overview cuts a long verdict off before its closing words.
  expect(config.variables.Coverage).toBe('partial run: 2 of 5 requirements had no test in it');
  const whole = { startedAt, summary: { ...partial.summary, notRun: [] } };
  expect((await allureConfigFor(records, { 'compliance.json': whole })).variables.Coverage).toBe(
    'every requirement had a test in this run',
  );
  // Rows whose tests reached no verdict (an emulator without a control endpoint) had a test and were
  // not judged: coverage says so first.
  const lost = { startedAt, summary: { ...whole.summary, exitCode: 3, verdicts: { ERROR: 2 } } };
  expect((await allureConfigFor(records, { 'compliance.json': lost })).variables.Coverage).toBe(
    '2 of 5 requirements reached no verdict (ERROR); every one had a test in this run',
  );
  // A run whose command line selected its tests is partial where every requirement kept one
  // (narrowed-run.spec.ts): "every requirement had a test in this run" would read as whole.
  const narrowed = { startedAt, summary: { ...whole.summary, narrowedBy: ['--grep-invert Failed'] } };
  expect((await allureConfigFor(records, { 'compliance.json': narrowed })).variables.Coverage).toBe(
    'partial run: tests selected by --grep-invert Failed',
  );
  const both = { startedAt, summary: { ...partial.summary, verdicts: { ERROR: 1 } } };
  expect((await allureConfigFor(records, { 'compliance.json': both })).variables.Coverage).toBe(
    'partial run: 2 of 5 requirements had no test in it; 1 of 5 requirements reached no verdict (ERROR)',
  );
  // A report another run left there (another start) is not this run's verdict.
  const stale = await allureConfigFor(records, {
    'compliance.json': { ...partial, startedAt: '2025-12-31T00:00:00.000Z' },
  });
  expect(stale.variables.Verdict).toBe('unknown');
  // Nor one of a suite before reports said when they ran, beside records that do not say either.
  const { startedAt: _, ...undated } = records;
  const { startedAt: __, ...older } = partial;
  expect((await allureConfigFor(undated, { 'compliance.json': older })).variables.Verdict).toBe('unknown');
  // A run of several targets: each environment carries its own.
  const two = runRecords([], {
    targets: {
      a: { mode: 'embedded', apiHost: 'loopback', description: 'a' },
      b: { mode: 'embedded', apiHost: 'loopback', description: 'b' },
    },
  });
  const index = {
    startedAt,
    exitCode: 1,
    targets: [
      { name: 'a', exitCode: 1, exitReason: 'MUST requirements failed: CANCEL.FINAL' },
      { name: 'b', exitCode: 0, exitReason: 'no MUST requirement failed and nothing errored' },
    ],
  };
  const matrix = await allureConfigFor(two, { 'targets/index.json': index });
  expect(matrix.environments.a!.variables['verdict']).toBe('exit 1: MUST requirements failed: CANCEL.FINAL');
  expect(matrix.environments.b!.variables['verdict']).toBe(
    'exit 0: no MUST requirement failed and nothing errored',
  );
  expect(matrix.variables.Verdict).toContain('exit 1');
});

// A compliance person's walk (walk7): compliance.md and compliance.json name the commit the suite ran
// from beside its version (the tests change between commits of one version), the Allure report only
// the version, so two reports of one version from different commits read alike there.
test('the Allure report names the commit the suite ran from, as compliance.md does', async () => {
  const commit = '25c5afe53c706058281c9dd9103c2f2b98800e84';
  const base = runRecords([]);
  const config = await allureConfigFor({ ...base, suite: { ...base.suite, commit } });
  expect(config.variables['Suite commit']).toBe('25c5afe53c70');
  // Outside a git checkout there is none: said so, never left out silently.
  const { commit: _, ...noCommit } = base.suite;
  expect((await allureConfigFor({ ...base, suite: noCommit })).variables['Suite commit']).toBe('unknown');
});
