import type { Finding } from '../../harness/evidence/finding.ts';
import type { TargetInfo } from '../../harness/run/run-plan.ts';
import type { SuiteInfo } from '../compliance/suite-info.ts';
import type { ExitCode } from '../run/run-outcome.ts';

// The raw, per-test evidence the compliance reporter keeps. It is written to
// test-results/compliance-records.json (and per shard to reports/shards/), so the report can be rebuilt
// or merged without running anything again. Every string in it has already been scrubbed.

export type ErrorCategory = 'contract-violation' | 'target-unreachable' | 'suite-error';

// What one test contributes to a verdict. 'errored' = it reached no verdict: an exchange was lost,
// the target's set-up or the suite itself failed (see test-outcome.ts).
export type TestOutcome = 'passed' | 'failed' | 'errored' | 'skipped';

export interface TestRecord {
  title: string;
  // Path relative to the Playwright rootDir, with forward slashes.
  file: string;
  line: number;
  project: string;
  // Which run of the test under --repeat-each N (Playwright's repeatEachIndex, 1 to N-1); absent for the
  // first. Each repetition is a test of its own: the shard merge keeps them apart (merge-records.ts).
  repeat?: number;
  // metadata.target of the project ('embedded', 'fault:cancel-new-id', ...).
  target: string;
  // Playwright's status of the last attempt ('passed', 'failed', 'timedOut', 'skipped', 'interrupted').
  status: string;
  outcome: TestOutcome;
  // true when an earlier attempt failed and a retry passed.
  flaky?: boolean;
  durationMs: number;
  // When its last attempt started (ISO): the run's phases are measured from these (bench:suite).
  startedAt?: string;
  // Requirement IDs the test claims (annotations of type 'requirement').
  requirements: string[];
  // What the test learned beyond pass or fail: violations of other requirements, observations,
  // readings of open points, why it reached no verdict (src/harness/evidence/finding.ts).
  findings: Finding[];
  skipReason?: string;
  // The first error, one line; set when outcome is failed or errored.
  error?: { category: ErrorCategory; line: string };
}

// What the run plan says about a target; never a secret or a client id.
export type { TargetInfo } from '../../harness/run/run-plan.ts';

// A problem outside any test: a global setup error, an interrupted run.
export interface RunError {
  category: ErrorCategory;
  line: string;
}

export interface RunRecords {
  version: 1;
  suite: SuiteInfo;
  // The run plan's id (absent in merged shards, each of which had its own): reports/quota.json says it too.
  runId?: string;
  startedAt: string;
  durationMs: number;
  shard?: { current: number; total: number };
  // The command line's narrowing of the tests (--grep, files, ...: test-selection.ts); absent when none.
  narrowedBy?: string[];
  // A shard's own exit code: it writes no whole-run report to read it from (run-outcome.ts).
  shardExitCode?: ExitCode;
  // A tenant shard's reports/quota.json, for the merge to add up (merge-quota.ts); a merge's sum.
  quota?: unknown;
  targets: Record<string, TargetInfo>;
  runErrors: RunError[];
  tests: TestRecord[];
}
