import type { SelftestCase } from './judge-matrix.ts';

export interface SelftestFigures {
  tests: number;
  seconds: number;
  // The calibration cases: requests of the differential probe to each emulator, and their time.
  calibration?: { requests: number; seconds: number };
}

// The self-test for a terminal: one short table of what was proved, then only what went wrong.
export function selftestTable(cases: SelftestCase[], figures: SelftestFigures): string {
  const group = (label: string, picked: SelftestCase[], proved: string) => {
    const ok = picked.filter((c) => c.ok).length;
    return `  ${label.padEnd(30)} ${String(ok).padStart(3)} / ${String(picked.length).padEnd(4)} ${proved}`;
  };
  const faults = cases.filter((c) => c.kind === 'fault');
  const lines = [
    'self-test of the conformance suite',
    group(
      'conforming profiles',
      cases.filter((c) => c.kind === 'profile'),
      'no FAIL, WARN or ERROR',
    ),
    group(
      'independent emulators',
      cases.filter((c) => c.kind === 'independent'),
      'lawful variants of a second implementation: no FAIL, WARN or ERROR',
    ),
    group('deliberate faults', faults, 'caught exactly on their requirements'),
    group(
      'tenant rehearsals',
      cases.filter((c) => c.kind === 'tenant'),
      'kept to their safety switches',
    ),
    group(
      'calibrated emulators',
      cases.filter((c) => c.kind === 'calibration'),
      'answer every observed open point as the original',
    ),
    `  ${'conformance tests run'.padEnd(30)} ${figures.tests} in ${figures.seconds} s`,
  ];
  if (figures.calibration)
    lines.push(
      `  ${'calibration probes'.padEnd(30)} ${figures.calibration.requests} requests per emulator, ${figures.calibration.seconds} s in all`,
    );
  for (const c of cases.filter((c) => !c.ok)) lines.push(`  ✘ ${c.name}: ${c.detail}`);
  return lines.join('\n');
}

// reports/selftest.md: every case, for people and for the README.
export function selftestMarkdown(cases: SelftestCase[], figures: SelftestFigures): string {
  const row = (c: SelftestCase) =>
    `| ${c.ok ? '✔' : '✘'} | \`${c.name}\` | ${c.detail.replace(/\|/g, '\\|')} |`;
  return [
    '# Self-test of the conformance suite',
    '',
    '```',
    selftestTable(cases, figures),
    '```',
    '',
    '| | target | result |',
    '|---|---|---|',
    ...cases.map(row),
    '',
  ].join('\n');
}
