import { relative, sep } from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { classifyError } from './classify-error.ts';
import { oneLine, reasonLine } from './reason-line.ts';
import type { TestOutcome, TestRecord } from './test-record.ts';

type Annotation = { type: string; description?: string };

// Turns one Playwright test (all its attempts) into the record the verdicts are made from.
export function recordFromTest(test: TestCase, rootDir: string, target: string): TestRecord {
  const result = test.results.at(-1);
  const annotations = allAnnotations(test, result);
  const title = oneLine(test.title);
  const status = result?.status ?? 'skipped';
  const record: TestRecord = {
    title,
    file: relative(rootDir, test.location.file).split(sep).join('/'),
    line: test.location.line,
    project: test.parent.project()?.name ?? '',
    target,
    status,
    outcome: 'passed',
    durationMs: result?.duration ?? 0,
    requirements: unique(annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '')),
    violations: named(annotations, 'violation'),
    observed: named(annotations, 'observed'),
  };
  if (test.outcome() === 'flaky') record.flaky = true;
  const errorText = (result?.errors ?? []).map((e) => e.message ?? e.value ?? '').join('\n');
  record.outcome = outcomeOf(test, status, errorText);
  if (record.outcome === 'skipped') {
    const reason = annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
    record.skipReason = oneLine(reason || (result ? 'skipped without a reason' : 'the test did not run'));
  }
  if (record.outcome === 'failed' || record.outcome === 'errored') {
    const firstMessage = result?.errors[0]?.message ?? result?.errors[0]?.value ?? `test ${status}`;
    const category = record.outcome === 'failed' ? 'contract-violation' : classifyError(errorText || status);
    record.error = { category, line: reasonLine(firstMessage, title) };
  }
  return record;
}

function outcomeOf(test: TestCase, status: string, errorText: string): TestOutcome {
  const outcome = test.outcome();
  if (outcome === 'skipped') return 'skipped';
  if (outcome === 'expected' || outcome === 'flaky') return 'passed';
  if (status === 'interrupted') return 'errored';
  return classifyError(errorText || status) === 'contract-violation' ? 'failed' : 'errored';
}

// Static annotations (from the test details) and runtime ones (violations, observations, skips) both
// count; Playwright keeps the runtime ones on the result.
function allAnnotations(test: TestCase, result: TestResult | undefined): Annotation[] {
  const seen = new Set<string>();
  const out: Annotation[] = [];
  for (const a of [...test.annotations, ...(result?.annotations ?? [])]) {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

// 'SCHEMA.ENTITY: <one line>' → { requirement: 'SCHEMA.ENTITY', text: '<one line>' }.
function named(annotations: Annotation[], type: string): { requirement: string; text: string }[] {
  return annotations
    .filter((a) => a.type === type && a.description)
    .map((a) => {
      const match = /^([A-Z]+\.[A-Z0-9_]+):\s*(.*)$/s.exec(a.description!);
      return match
        ? { requirement: match[1]!, text: oneLine(match[2]!) }
        : { requirement: '', text: oneLine(a.description!) };
    });
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
