import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry } from '../../../src/contract/index.ts';
import { complianceLine } from '../../../src/reporters/compliance/compliance-line.ts';
import {
  removeVerdicts,
  removeWholeRunReports,
  writeComplianceReports,
} from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { runRecords, testRecord } from '../helpers/records.ts';

test.afterEach(removeTempDirs);

// A shard removes the whole-run reports in reports/ (they would read as its own): a user who sharded
// once lost the last complete verdict and the observed profile calibrated with (docs/calibration.md).
// They now wait in reports/earlier-complete/, as for a stopped run, until a complete report replaces them.

const registry = getRegistry();
const all = registry.requirements.map((r) => r.id);
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

function complete(outDir: string, runId: string) {
  removeVerdicts(outDir);
  const records = runRecords([testRecord({ requirements: all })], { runId });
  const { exitCode, reports } = writeComplianceReports(records, { outDir, registry, requireMust: false });
  return complianceLine(outDir, exitCode, reports);
}

test('a shard sets the complete run aside with its observed profile; a complete merge clears it', () => {
  const outDir = tempDir('shard-keeps-');
  complete(outDir, 'run-complete');
  const profile = readFileSync(join(outDir, 'observed-profile.json'), 'utf8');

  removeWholeRunReports(outDir);
  for (const name of ['compliance.json', 'compliance.md', 'junit.xml', 'observed-profile.json'])
    expect(existsSync(join(outDir, name)), name).toBe(false);
  const aside = join(outDir, 'earlier-complete');
  expect(read(join(aside, 'compliance.json'))).toMatchObject({ runId: 'run-complete' });
  expect(readFileSync(join(aside, 'observed-profile.json'), 'utf8')).toBe(profile);

  // A second shard (the next i of the split) leaves them where they are.
  removeWholeRunReports(outDir);
  expect(read(join(aside, 'compliance.json'))).toMatchObject({ runId: 'run-complete' });
  expect(existsSync(join(aside, 'observed-profile.json'))).toBe(true);

  // The merge writes a whole run's report as a run does: complete, it makes the kept one stale.
  expect(complete(outDir, 'run-merged')).toBe(`compliance: ${outDir}/compliance.md (exit code 0)`);
  expect(existsSync(aside)).toBe(false);
  expect(existsSync(join(outDir, 'observed-profile.json'))).toBe(true);
});

test('a shard after a stopped run keeps the fuller profile the stopped run kept', () => {
  const outDir = tempDir('shard-keeps-');
  complete(outDir, 'run-complete');
  const profile = readFileSync(join(outDir, 'observed-profile.json'), 'utf8');
  // As a stopped run leaves it: the complete report aside, the fuller profile in place, its own beside.
  removeVerdicts(outDir);
  writeFileSync(join(outDir, 'observed-profile.partial.json'), '{}');

  removeWholeRunReports(outDir);
  const aside = join(outDir, 'earlier-complete');
  expect(read(join(aside, 'compliance.json'))).toMatchObject({ runId: 'run-complete' });
  expect(readFileSync(join(aside, 'observed-profile.json'), 'utf8')).toBe(profile);
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(false);
});
