// Pure judgement of a self-test matrix run: a profile must pass every requirement (PASS, OBSERVED or
// NA) and error nowhere; a fault must turn exactly its declared requirements to FAIL (MUST) or WARN
// (SHOULD), and a wire fault exactly its declared rows to ERROR, leaving every other requirement with
// the verdict the default profile has.
import { caseFamily, faultCase, profileCase } from './case-names.ts';

export interface MatrixIndex {
  targets: {
    name: string;
    // Where its reports are, relative to the run's report directory ('' when the run had one target).
    dir?: string;
    verdicts: Record<string, string>;
    summary: { errored: number };
  }[];
}

export interface FaultDeclaration {
  name: string;
  breaks: readonly string[];
  errors?: readonly string[];
}

export interface SelftestCase {
  name: string;
  kind: 'profile' | 'independent' | 'fault' | 'tenant' | 'calibration' | 'run';
  ok: boolean;
  detail: string;
  // A failed case: the requirements it complains about, then (case-evidence.ts) its target's report
  // and the first reason that report gives.
  requirements?: string[];
  report?: string;
  reason?: string;
}

const CONFORMING = new Set(['PASS', 'OBSERVED', 'NA']);
export const REFERENCE_TARGET = profileCase('default');

export function judgeMatrix(
  index: MatrixIndex,
  faults: readonly FaultDeclaration[],
  levels: Record<string, string>,
  expectedTargets: string[],
): SelftestCase[] {
  const byName = new Map(index.targets.map((t) => [t.name, t]));
  const reference = byName.get(REFERENCE_TARGET)?.verdicts;
  return expectedTargets
    .filter((name) => caseFamily(name) !== 'tenant')
    .map((name): SelftestCase => {
      const family = caseFamily(name);
      const kind = family === 'fault' || family === 'independent' ? family : 'profile';
      const target = byName.get(name);
      if (!target) return { name, kind, ok: false, detail: 'no result: the target did not run' };
      if (kind !== 'fault') return { ...judgeProfile(name, target), kind };
      const fault = faults.find((f) => faultCase(f.name) === name);
      if (!fault) return { name, kind, ok: false, detail: 'not in the fault catalogue' };
      return judgeFault(name, target.verdicts, fault, levels, reference);
    });
}

function judgeProfile(name: string, target: MatrixIndex['targets'][number]): SelftestCase {
  const alarms = Object.entries(target.verdicts).filter(([, v]) => !CONFORMING.has(v));
  if (alarms.length > 0)
    return {
      name,
      kind: 'profile',
      ok: false,
      detail: `false alarm: ${alarms.map(([id, v]) => `${id} ${v}`).join(', ')}`,
      requirements: alarms.map(([id]) => id),
    };
  if (target.summary.errored > 0)
    return { name, kind: 'profile', ok: false, detail: `${target.summary.errored} test(s) errored` };
  return { name, kind: 'profile', ok: true, detail: 'every requirement PASS, OBSERVED or NA' };
}

function judgeFault(
  name: string,
  verdicts: Record<string, string>,
  fault: FaultDeclaration,
  levels: Record<string, string>,
  reference: Record<string, string> | undefined,
): SelftestCase {
  const expected = new Map<string, string>();
  for (const id of fault.breaks) expected.set(id, levels[id] === 'MUST' ? 'FAIL' : 'WARN');
  for (const id of fault.errors ?? []) expected.set(id, 'ERROR');
  const problems: string[] = [];
  const ids: string[] = [];
  for (const [id, verdict] of expected)
    if (verdicts[id] !== verdict) {
      problems.push(`missed: ${id} should be ${verdict}, got ${verdicts[id] ?? 'no verdict'}`);
      ids.push(id);
    }
  for (const [id, verdict] of Object.entries(verdicts)) {
    if (expected.has(id)) continue;
    const baseline = reference?.[id];
    const changed = baseline ? verdict !== baseline : !CONFORMING.has(verdict);
    if (changed) {
      problems.push(`also changed: ${id} ${baseline ?? 'PASS'} → ${verdict}`);
      ids.push(id);
    }
  }
  const caught = [...expected].map(([id, v]) => `${id} ${v}`).join(', ');
  // Met most often right after adding a requirement, whose test an older fault turns as well: the two
  // ways out, so the contributor does not read it as the new fault's problem.
  const hint = problems.some((p) => p.startsWith('also changed'))
    ? ` (not in the fault's breaks: add it there if the fault breaks it too, or narrow the test that turned it to its own requirement; docs/writing-tests.md)`
    : '';
  return problems.length === 0
    ? { name, kind: 'fault', ok: true, detail: `caught: ${caught}` }
    : { name, kind: 'fault', ok: false, detail: `${problems.join('; ')}${hint}`, requirements: ids };
}

// A tenant rehearsal passes when the suite raised no false alarm there and did only what the tenant's
// switches allow (checked by the caller on the emulator's state: `check`).
export function judgeTenantRun(
  check: { name: string; ok: boolean; detail: string },
  index: MatrixIndex,
): SelftestCase {
  const target = index.targets.find((t) => t.name === check.name);
  if (!target)
    return { name: check.name, kind: 'tenant', ok: false, detail: 'no result: the rehearsal did not run' };
  const verdicts = Object.values(target.verdicts);
  const alarms = Object.entries(target.verdicts).filter(([, v]) => !CONFORMING.has(v));
  const problems = [
    ...(check.ok ? [] : [check.detail]),
    ...(alarms.length ? [`false alarm: ${alarms.map(([id, v]) => `${id} ${v}`).join(', ')}`] : []),
    ...(target.summary.errored > 0 ? [`${target.summary.errored} test(s) errored`] : []),
  ];
  const ran = verdicts.filter((v) => v !== 'NA').length;
  return problems.length === 0
    ? {
        name: check.name,
        kind: 'tenant',
        ok: true,
        detail: `${check.detail}; ${ran} requirement(s) checked, ${verdicts.length - ran} NA`,
      }
    : {
        name: check.name,
        kind: 'tenant',
        ok: false,
        detail: problems.join('; '),
        requirements: alarms.map(([id]) => id),
      };
}

// An error outside any test (a test declared outside suite() or claiming no requirement, a set-up that
// broke) is in every target's report, but no target's verdicts: a failed case of its own, so its line shows.
export function judgeRunErrors(errors: readonly { category: string; line: string }[]): SelftestCase[] {
  return errors.map((e) => ({ name: 'run', kind: 'run', ok: false, detail: `${e.category}: ${e.line}` }));
}
