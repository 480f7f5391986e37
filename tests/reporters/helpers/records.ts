import { getRegistry, type OpenPointId, type RequirementId } from '../../../src/contract/index.ts';
import type { Finding } from '../../../src/harness/evidence/finding.ts';
import { suiteInfo } from '../../../src/reporters/compliance/suite-info.ts';
import type { RunRecords, TestRecord } from '../../../src/reporters/records/test-record.ts';

export const requirementId = (id: string): RequirementId => getRegistry().get(id).id;

// Builders for the reporters' unit tests: a record passes and claims nothing unless told otherwise.
export function testRecord(overrides: Partial<TestRecord> = {}): TestRecord {
  return {
    title: 'a test',
    file: 'tests/conformance/cancel.spec.ts',
    line: 1,
    project: 'conformance',
    target: 'embedded',
    status: 'passed',
    outcome: 'passed',
    durationMs: 5,
    requirements: [],
    findings: [],
    ...overrides,
  };
}

export function runRecords(tests: TestRecord[], overrides: Partial<RunRecords> = {}): RunRecords {
  return {
    version: 1,
    // This checkout's: `npm run report` and `report:merge` refuse records of another contract.
    suite: suiteInfo(),
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000,
    targets: {
      embedded: { mode: 'embedded', apiHost: '127.0.0.1:4010', description: 'embedded reference emulator' },
    },
    runErrors: [],
    tests,
    ...overrides,
  };
}

export function failed(line: string): Pick<TestRecord, 'status' | 'outcome' | 'error'> {
  return { status: 'failed', outcome: 'failed', error: { category: 'contract-violation', line } };
}

export function errored(line: string): Pick<TestRecord, 'status' | 'outcome' | 'error'> {
  return { status: 'failed', outcome: 'errored', error: { category: 'target-unreachable', line } };
}

export function suiteErrored(line: string): Pick<TestRecord, 'status' | 'outcome' | 'error'> {
  return { status: 'failed', outcome: 'errored', error: { category: 'suite-error', line } };
}

export function skipped(reason: string): Pick<TestRecord, 'status' | 'outcome' | 'skipReason'> {
  return { status: 'skipped', outcome: 'skipped', skipReason: reason };
}

const CANCEL = 'POST /api/machineactions/{id}/cancel';

// A reading of an open point, as the observer records one from a cancel that answered `status`.
export function reading(point: OpenPointId, value: unknown, status = 400, note?: string): Finding {
  return {
    kind: 'reading',
    point,
    reading: value,
    evidence: { exchange: `${CANCEL} → ${status}`, status },
    ...(note ? { note } : {}),
  };
}
