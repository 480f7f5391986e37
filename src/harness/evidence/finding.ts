import type { Evidence, OpenPointId, RequirementId } from '../../contract/index.ts';

// What a test learned beyond pass or fail, as data. Findings travel from the worker to the reporter
// as Playwright annotations of one type, encoded as JSON, and are read back with the same types.
export type Finding =
  // An exchange broke a requirement the test does not claim (SCHEMA.*, RATE.RETRYAFTER): the test
  // goes on, the requirement's verdict takes it.
  | { kind: 'violation'; id: RequirementId; text: string }
  // What the target did where an OBSERVE requirement records rather than judges.
  | { kind: 'observed'; id: RequirementId; text: string }
  // Why this target cannot exercise the test (a safety switch, no second tenant, ...).
  | { kind: 'not-applicable'; text: string }
  // A part of the claimed requirement this target gave the test nothing to check with (the text says
  // which part and why): the verdict rests on the rest, and the report says it was checked only in part.
  | { kind: 'unchecked'; text: string }
  // What a contract matcher judged when it failed, in one line naming the exchange.
  | { kind: 'assertion'; text: string }
  // An exchange lost on the wire, or the suite's own set-up failing: the test reached no verdict.
  | { kind: 'no-verdict'; cause: 'wire' | 'target' | 'suite'; code: string; text: string }
  // How the target answered an open point (docs/contract.md#open-points), for the observed profile.
  | { kind: 'reading'; point: OpenPointId; reading: unknown; evidence: Evidence; note?: string }
  // An answer that should have told an open point fit none of its lawful readings (the text says how).
  | { kind: 'unreadable'; point: OpenPointId; text: string; evidence: Evidence };

export const FINDING_ANNOTATION = 'mde-finding';

export interface Annotation {
  type: string;
  description?: string;
}

export function toAnnotation(finding: Finding): Annotation {
  return { type: FINDING_ANNOTATION, description: JSON.stringify(finding) };
}

// Every finding among a test's annotations, in the order they were made; anything else is ignored.
export function findingsOf(annotations: readonly Annotation[]): Finding[] {
  const out: Finding[] = [];
  for (const a of annotations) {
    if (a.type !== FINDING_ANNOTATION || !a.description) continue;
    const value = JSON.parse(a.description) as Finding;
    if (value && typeof value === 'object' && typeof value.kind === 'string') out.push(value);
  }
  return out;
}

export function ofKind<K extends Finding['kind']>(
  findings: readonly Finding[],
  kind: K,
): Extract<Finding, { kind: K }>[] {
  return findings.filter((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
}
