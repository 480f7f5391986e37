import type { SelftestCase, SelftestSummary } from './judge-matrix.ts';

// reports/selftest.md: the suite's own score, for people and for the README.
export function renderSelftest(
  summary: SelftestSummary & { seconds: number },
  cases: SelftestCase[],
): string {
  const row = (c: SelftestCase) =>
    `| ${c.ok ? '✔' : '✘'} | \`${c.name}\` | ${c.detail.replace(/\|/g, '\\|')} |`;
  return [
    '# Self-test of the conformance suite',
    '',
    `- Faults caught: **${summary.faultsCaught} / ${summary.faults}** (each fault must turn exactly its declared requirements to FAIL or WARN)`,
    `- Profiles passed: **${summary.profilesPassed} / ${summary.profiles}** (each conforming profile must see no FAIL and no WARN)`,
    `- Wall time: ${summary.seconds} s`,
    '',
    '| | target | result |',
    '|---|---|---|',
    ...cases.map(row),
    '',
  ].join('\n');
}
