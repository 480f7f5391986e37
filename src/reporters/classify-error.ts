import { readFileSync } from 'node:fs';
import type { ErrorCategory } from './test-record.ts';

// Why a test failed decides what its failure means. An assertion is evidence about the target (a
// contract violation); a target that cannot be reached or configured tells nothing about the contract,
// and neither does a bug in the suite. The patterns live in error-patterns.json because allurerc.mjs
// sorts its Allure categories with the same ones.
const patterns = JSON.parse(readFileSync(new URL('./error-patterns.json', import.meta.url), 'utf8')) as {
  targetUnreachable: string;
  contractViolation: string;
};
const UNREACHABLE = new RegExp(patterns.targetUnreachable, 'i');
const VIOLATION = new RegExp(patterns.contractViolation, 'i');
// The harness's own errors name themselves first; they win over anything else in the text.
const HARNESS_UNREACHABLE = /^(?:Error: )?(?:ConfigError|TargetUnreachableError|ControlProtocolError)\b/m;

export function classifyError(text: string): ErrorCategory {
  if (HARNESS_UNREACHABLE.test(text)) return 'target-unreachable';
  // expect.poll and toPass time out by design when the target never gets there: still a violation.
  if (VIOLATION.test(text)) return 'contract-violation';
  if (UNREACHABLE.test(text)) return 'target-unreachable';
  return 'suite-error';
}
