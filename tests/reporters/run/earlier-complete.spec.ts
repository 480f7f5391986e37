import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { temporaryFileOf } from '../../../src/common/write-whole.ts';
import { getRegistry } from '../../../src/contract/index.ts';
import { complianceLine } from '../../../src/reporters/compliance/compliance-line.ts';
import { removeVerdicts, writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, suiteErrored, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A run stopped part-way (Ctrl-C, a cancelled CI job) replaced the last complete run's compliance.json
// and .md with its partial ones: a user who had not filed the complete report lost it. It now waits in
// reports/earlier-complete/, named in the partial report and its console line, until a complete run.

const registry = getRegistry();
const all = registry.requirements.map((r) => r.id);

// What the compliance reporter does at the end of a run: the verdicts go, then the run's are written.
function report(outDir: string, runId: string, tests: ReturnType<typeof testRecord>[], stopped = false) {
  const records = runRecords(tests, {
    runId,
    ...(stopped
      ? { runErrors: [{ category: 'suite-error', line: 'the run was interrupted before it finished' }] }
      : {}),
  });
  removeVerdicts(outDir);
  const { exitCode, reports } = writeComplianceReports(records, { outDir, registry, requireMust: false });
  return complianceLine(outDir, exitCode, reports);
}

const read = (file: string) => readFileSync(file, 'utf8');

test('a stopped run keeps the last complete report aside, says where, and a complete run clears it', () => {
  const outDir = tempDir('earlier-complete-');
  const whole = [testRecord({ requirements: all })];
  expect(report(outDir, 'run-complete', whole)).toBe(`compliance: ${outDir}/compliance.md (exit code 0)`);

  // Stopped after its first test: one requirement claimed, one test that reached no verdict.
  const stopped = [
    testRecord({ requirements: [all[0]!] }),
    testRecord({ title: 'second', requirements: [all[1]!], ...suiteErrored('the run was interrupted') }),
  ];
  const line = report(outDir, 'run-stopped', stopped, true);
  expect(line).toMatch(
    /^compliance: .*\(exit code 2, partial run: .*\); the last complete run's report is kept in /,
  );
  expect(line).toContain(`${outDir}/earlier-complete/`);
  const kept = JSON.parse(read(join(outDir, 'earlier-complete', 'compliance.json')));
  expect(kept).toMatchObject({ runId: 'run-complete', summary: { exitCode: 0 } });
  expect(read(join(outDir, 'earlier-complete', 'compliance.md'))).toContain('run-complete');
  expect(JSON.parse(read(join(outDir, 'compliance.json')))).toMatchObject({ runId: 'run-stopped' });
  const markdown = read(join(outDir, 'compliance.md')).split('\n');
  expect(markdown[2]).toMatch(
    /^> \*\*Incomplete run:\*\* the last complete run's report \(run-complete, embedded, exit 0, generated .*\) is kept in \[earlier-complete\/compliance\.md\]\(earlier-complete\/compliance\.md\)\.$/,
  );

  // A second stopped run does not push the complete report out for the first stopped one's.
  report(outDir, 'run-stopped-again', stopped, true);
  expect(JSON.parse(read(join(outDir, 'earlier-complete', 'compliance.json')))).toMatchObject({
    runId: 'run-complete',
  });

  // A complete run is the report to file: nothing is kept beside it.
  expect(report(outDir, 'run-complete-2', whole)).toBe(`compliance: ${outDir}/compliance.md (exit code 0)`);
  expect(existsSync(join(outDir, 'earlier-complete'))).toBe(false);
  expect(read(join(outDir, 'compliance.md'))).not.toContain('Incomplete run');
});

// The kept report was removed before the complete run's own was written: a write that failed there (a
// full disk) left neither.
test('a complete run whose report cannot be written leaves the kept report where it is', () => {
  const outDir = tempDir('earlier-complete-full-');
  const whole = [testRecord({ requirements: all })];
  report(outDir, 'run-complete', whole);
  report(outDir, 'run-stopped', [testRecord({ requirements: [all[0]!] })], true);
  // A directory where writeWhole writes compliance.json first: the write fails as on a full disk.
  const blocker = temporaryFileOf(join(outDir, 'compliance.json'));
  mkdirSync(blocker);
  writeFileSync(join(blocker, 'x'), 'x');
  expect(() => report(outDir, 'run-complete-2', whole)).toThrow(/compliance\.json/);
  expect(JSON.parse(read(join(outDir, 'earlier-complete', 'compliance.json')))).toMatchObject({
    runId: 'run-complete',
  });
});

// docs/reports.md: the kept report is "gone after the next complete run". A run of several targets
// (the self-test matrix, MDE_TARGETS) wrote each target's report under targets/<name>/ and cleared only
// targets/<name>/earlier-complete/: a one-target run's kept report stayed beside a complete matrix for
// good, named by nothing. A complete run of several targets clears it; an incomplete one leaves it.
test('a run of several targets clears the kept one-target report once complete, not before', () => {
  const outDir = tempDir('earlier-complete-matrix-');
  report(outDir, 'run-complete', [testRecord({ requirements: all })]);
  report(outDir, 'run-stopped', [testRecord({ requirements: [all[0]!] })], true);
  expect(existsSync(join(outDir, 'earlier-complete', 'compliance.json'))).toBe(true);
  const targets = {
    a: { mode: 'emulator' as const, apiHost: '127.0.0.1:4011', description: 'a' },
    b: { mode: 'emulator' as const, apiHost: '127.0.0.1:4012', description: 'b' },
  };
  const matrix = (runId: string, tests: ReturnType<typeof testRecord>[], stopped = false) => {
    const records = runRecords(tests, {
      runId,
      targets,
      ...(stopped
        ? { runErrors: [{ category: 'suite-error', line: 'the run was interrupted before it finished' }] }
        : {}),
    });
    removeVerdicts(outDir);
    writeComplianceReports(records, { outDir, registry, requireMust: false });
  };
  const both = (requirements: string[]) =>
    ['a', 'b'].map((target) => testRecord({ target, title: `t-${target}`, requirements }));
  matrix('matrix-stopped', both([all[0]!]), true);
  expect(existsSync(join(outDir, 'earlier-complete', 'compliance.json'))).toBe(true);
  matrix('matrix-complete', both(all));
  expect(existsSync(join(outDir, 'targets', 'index.json'))).toBe(true);
  expect(existsSync(join(outDir, 'earlier-complete'))).toBe(false);
});

// Walked: a complete run, then a run of another target stopped at its preflight. The complete report
// went aside, but its observed profile stayed in place, where the stopped run's (another target's,
// reading nothing) replaced it: the calibration of the complete run was lost, and the kept
// compliance.md linked an observed-profile.json that earlier-complete/ did not hold.
test('a stopped run of another target keeps the complete run its observed profile beside its report', () => {
  const outDir = tempDir('earlier-complete-profile-');
  const reading = {
    kind: 'reading' as const,
    point: 'unknown-id' as const,
    reading: { status: 404, code: 'NotFound' },
    evidence: { exchange: 'GET /x → 404', status: 404 },
  };
  report(outDir, 'run-complete', [testRecord({ requirements: all, findings: [reading] })]);
  const profile = read(join(outDir, 'observed-profile.json'));
  const other = {
    embedded: { mode: 'embedded' as const, apiHost: '127.0.0.1:4099', description: 'another emulator' },
  };
  const records = runRecords([], {
    runId: 'run-other-stopped',
    targets: other,
    runErrors: [{ category: 'target-unreachable', line: 'connection refused' }],
  });
  removeVerdicts(outDir);
  writeComplianceReports(records, { outDir, registry, requireMust: false });
  const keptMd = read(join(outDir, 'earlier-complete', 'compliance.md'));
  expect(keptMd).toContain('](observed-profile.json)');
  // Its command to calibrate an emulator names the kept copy, not the stopped run's file.
  expect(keptMd).toContain(
    `--profile-file ${relative(process.cwd(), join(outDir, 'earlier-complete'))}/observed-profile.json\``,
  );
  expect(read(join(outDir, 'earlier-complete', 'observed-profile.json'))).toBe(profile);
  expect(JSON.parse(read(join(outDir, 'observed-profile.json'))).source.target).toContain('another emulator');
});

// Walked: merged shards have no run id, and the note read "the last complete run's report (run,
// emulator, exit 1, ...)", a placeholder where the run belongs. It says what the kept report was.
test('the note names a kept report of merged shards by their start, not by a placeholder', () => {
  const outDir = tempDir('earlier-complete-merged-');
  const records = runRecords([testRecord({ requirements: all })], { startedAt: '2026-01-02T03:04:05.000Z' });
  removeVerdicts(outDir);
  writeComplianceReports(records, { outDir, registry, requireMust: false });
  report(outDir, 'run-stopped', [testRecord({ requirements: [all[0]!] })], true);
  expect(read(join(outDir, 'compliance.md')).split('\n')[2]).toContain(
    "the last complete run's report (merged shards started 2026-01-02T03:04:05.000Z, embedded, exit 0,",
  );
});
