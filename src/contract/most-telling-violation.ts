import { type ContractViolation, valueAt } from './schema-registry.ts';

// The violation a profile file is refused with. The most specific says the most: the longest JSON
// path; at one path, one that fits the kind of value written. A refusal written without its code
// ({"status": 400}) was told `expected exactly "accepted"`, the literal of the schema's other branch.
export function mostTelling(violations: ContractViolation[], data: unknown): ContractViolation {
  return [...violations].sort(
    (a, b) => b.path.length - a.path.length || otherKind(a, data) - otherKind(b, data),
  )[0]!;
}

// 1 for a literal (const, enum) where an object or an array was written: the user meant another branch.
function otherKind(violation: ContractViolation, data: unknown): number {
  if (violation.keyword !== 'const' && violation.keyword !== 'enum') return 0;
  const value = valueAt(data, violation.path === '/' ? '' : violation.path);
  return value !== null && typeof value === 'object' ? 1 : 0;
}
