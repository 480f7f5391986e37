import type { SelftestCase, SelftestSummary } from './judge-matrix.ts';

// reports/selftest.md: the suite's own score, for people and for the README.
export function renderSelftest(
  summary: SelftestSummary & { seconds: number },
  cases: SelftestCase[],
): string {
  const tenants = cases.filter((c) => c.kind === 'tenant');
  const row = (c: SelftestCase) =>
    `| ${c.ok ? '✔' : '✘'} | \`${c.name}\` | ${c.detail.replace(/\|/g, '\\|')} |`;
  return [
    '# Self-test of the conformance suite',
    '',
    `- Faults caught: **${summary.faultsCaught} / ${summary.faults}** (each fault must turn exactly its declared requirements to FAIL or WARN)`,
    `- Profiles passed: **${summary.profilesPassed} / ${summary.profiles}** (each conforming profile must see no FAIL and no WARN)`,
    `- Tenant rehearsals passed: **${tenants.filter((c) => c.ok).length} / ${tenants.length}** (tenant mode against an emulator without control protocol: only what a tenant allows runs, nothing is created without MDE_ALLOW_WRITES, and what was created is cancelled at teardown)`,
    `- Wall time: ${summary.seconds} s`,
    '',
    '| | target | result |',
    '|---|---|---|',
    ...cases.map(row),
    '',
  ].join('\n');
}
