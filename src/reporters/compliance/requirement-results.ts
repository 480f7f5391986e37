import {
  type Area,
  type Level,
  neverJudgedOn,
  type Registry,
  type Requirement,
  type TargetMode,
} from '../../contract/index.ts';
import { ofKind } from '../../harness/evidence/finding.ts';
import type { Baseline } from '../baseline/baseline.ts';
import type { TestRecord } from '../records/test-record.ts';
import { type BaselineStatus, compareWithBaseline, decideVerdict, type Verdict } from './verdict.ts';

export interface RequirementTest {
  title: string;
  file: string;
  line: number;
  project: string;
  status: string;
  outcome: TestRecord['outcome'];
  durationMs: number;
  flaky?: boolean;
  // Why it did not run (outcome skipped): a switch, a state the target lacks.
  skipReason?: string;
}

export interface RequirementResult {
  id: string;
  level: Level;
  area: Area;
  statement: string;
  docUrl: string;
  sourceKind: string;
  verdict: Verdict;
  reason?: string;
  observed?: string;
  // Parts of the requirement that the tests which ran had nothing to check with on this target
  // (finding 'unchecked'), and the titles of its tests that did not run beside some that did: the
  // verdict rests on the rest.
  unchecked?: string[];
  // false: NA because no run on this kind of target can judge it (specs/requirements.yaml, `never`);
  // MDE_REQUIRE_MUST_COVERAGE does not ask for it. Absent otherwise.
  applicable?: false;
  errored?: boolean;
  violations?: { test: string; text: string }[];
  baseline?: { status: BaselineStatus; expected: Verdict; reason: string; link?: string };
  tests: RequirementTest[];
}

// Evidence kept per requirement in the JSON; the first violation is the reason anyway.
const MAX_VIOLATIONS = 20;

// Groups one target's test records by requirement, in registry order, and decides each verdict.
export function collectRequirementResults(
  records: TestRecord[],
  registry: Registry,
  baseline?: Baseline,
  mode?: TargetMode,
): RequirementResult[] {
  return registry.requirements.map((requirement) => resultOf(requirement, records, baseline, mode));
}

// One requirement's verdict, from the tests that claim it and the findings any test made about it.
function resultOf(
  requirement: Requirement,
  records: TestRecord[],
  baseline: Baseline | undefined,
  mode: TargetMode | undefined,
): RequirementResult {
  const claiming = records.filter((r) => r.requirements.includes(requirement.id));
  const violations = records.flatMap((r) =>
    ofKind(r.findings, 'violation')
      .filter((v) => v.id === requirement.id)
      .map((v) => ({ test: r.title, text: v.text })),
  );
  const observed = records.flatMap((r) =>
    ofKind(r.findings, 'observed')
      .filter((o) => o.id === requirement.id)
      .map((o) => o.text),
  );
  const parts = claiming
    .filter((r) => r.outcome !== 'skipped')
    .flatMap((r) => ofKind(r.findings, 'unchecked').map((u) => u.text));
  const decided = decideVerdict({
    level: requirement.level,
    tests: claiming.map((r) => ({
      title: r.title,
      outcome: r.outcome,
      errorLine: r.error?.line,
      skipReason: r.skipReason,
    })),
    violations: violations.map((v) => `${v.test}: ${v.text}`),
    observed,
  });
  // A verdict from some tests must not hide the ones that did not run (a Failed action the target
  // lacks): they prove nothing either way, so the verdict stands and they are named. NA says it anyway.
  const notRun = decided.verdict === 'NA' ? [] : claiming.filter((r) => r.outcome === 'skipped');
  const unchecked = [...new Set([...parts, ...notRun.map((r) => r.title)])];
  const entry = baseline?.entries.find((e) => e.id === requirement.id);
  const status = compareWithBaseline(decided.verdict, entry?.verdict);
  const result: RequirementResult = {
    id: requirement.id,
    level: requirement.level,
    area: requirement.area,
    statement: requirement.statement,
    docUrl: requirement.docUrl,
    sourceKind: requirement.source.kind,
    verdict: decided.verdict,
    tests: claiming.map(toRequirementTest),
  };
  if (decided.reason) result.reason = decided.reason;
  // The contract's reason, not a skip's: it holds for every run on such a target.
  const never = mode && decided.verdict === 'NA' ? neverJudgedOn(requirement, mode) : undefined;
  if (never)
    Object.assign(result, { reason: `not applicable to ${mode} targets: ${never}`, applicable: false });
  if (decided.observed) result.observed = decided.observed;
  if (unchecked.length > 0) result.unchecked = unchecked;
  if (decided.errored) result.errored = true;
  if (violations.length > 0) result.violations = violations.slice(0, MAX_VIOLATIONS);
  if (entry && status)
    result.baseline = { status, expected: entry.verdict, reason: entry.reason, link: entry.link };
  return result;
}

function toRequirementTest(record: TestRecord): RequirementTest {
  const test: RequirementTest = {
    title: record.title,
    file: record.file,
    line: record.line,
    project: record.project,
    status: record.status,
    outcome: record.outcome,
    durationMs: record.durationMs,
  };
  if (record.flaky) test.flaky = true;
  if (record.skipReason) test.skipReason = record.skipReason;
  return test;
}
