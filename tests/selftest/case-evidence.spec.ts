import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withEvidence } from '../../src/selftest/case-evidence.ts';
import type { SelftestCase } from '../../src/selftest/judge-matrix.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The part of a target's compliance.json the evidence is read from.
function writeReport(dir: string, reasons: Record<string, string>, summary = { errored: 0, exitReason: '' }) {
  mkdirSync(dir, { recursive: true });
  const requirements = Object.entries(reasons).map(([id, reason]) => ({ id, ...(reason ? { reason } : {}) }));
  writeFileSync(join(dir, 'compliance.json'), JSON.stringify({ requirements, summary }));
}

const failed = (name: string, requirements: string[] = []): SelftestCase => ({
  name,
  kind: 'profile',
  ok: false,
  detail: 'false alarm',
  requirements,
});
const target = (name: string, dir?: string) => ({ name, dir, verdicts: {}, summary: { errored: 0 } });

test("a failed case points at its target's compliance.md, with the first reason the report gives", () => {
  const out = tempDir('selftest-run-');
  writeReport(join(out, 'targets', 'profile-default'), {
    'CANCEL.OK': '',
    'CANCEL.FIELDS': 'a cancel records its time as now: expected < 5000, got 260466',
  });
  const index = { targets: [target('profile:default', 'targets/profile-default')] };
  const [c] = withEvidence([failed('profile:default', ['CANCEL.OK', 'CANCEL.FIELDS'])], out, index);
  expect(c).toMatchObject({
    report: join(out, 'targets', 'profile-default', 'compliance.md'),
    reason: 'CANCEL.FIELDS: a cancel records its time as now: expected < 5000, got 260466',
  });
});

test('a one-case run points at the run directory; errored tests give the run its reason', () => {
  const out = tempDir('selftest-run-');
  writeReport(out, {}, { errored: 1, exitReason: '1 test(s) or run step(s) reached no verdict: reset' });
  const [c] = withEvidence([failed('profile:default')], out, { targets: [target('profile:default', '')] });
  expect(c).toMatchObject({
    report: join(out, 'compliance.md'),
    reason: '1 test(s) or run step(s) reached no verdict: reset',
  });
});

test('passed cases and cases without a report stay as they were', () => {
  const out = tempDir('selftest-run-');
  const passed: SelftestCase = { name: 'profile:default', kind: 'profile', ok: true, detail: 'clean' };
  const missing = failed('fault:gone');
  const index = { targets: [target('profile:default', 'targets/profile-default')] };
  expect(withEvidence([passed, missing], out, index)).toEqual([passed, missing]);
});
