import { relative } from 'node:path';
import { REPORTS_DIR } from '../common/report-files.ts';
import type { SelftestCase } from './judge-matrix.ts';

export interface SelftestFigures {
  tests: number;
  seconds: number;
  // The emulator targets' workers (one a core by default): the seconds read differently on 2 and on 8.
  workers?: number;
  // The calibration cases: requests of the differential probe to each emulator, the seconds they took
  // after the run, and those of the originals' probes, read while the run's tests went on.
  calibration?: { requests: number; seconds: number; originalsSeconds?: number };
  // A run narrowed by MDE_SELFTEST_ONLY: the cases it named, of how many the self-test has.
  narrowed?: { ran: readonly string[]; of: number };
  // The longest test of the run: a rehearsal waiting out its minute quota (one test 57 s, the self-test
  // a third longer) showed nowhere else.
  slowest?: { test: string; seconds: number };
  // MDE_SELFTEST_REHEARSAL_PROFILE: the profile the tenant rehearsals ran in, when not the default.
  rehearsalProfile?: string;
}

// The slowest of a run's tests, as "target › title".
export function slowestTest(
  tests: readonly { target: string; title: string; durationMs: number }[],
): SelftestFigures['slowest'] {
  const slowest = tests.reduce<(typeof tests)[number] | undefined>(
    (most, t) => (most && most.durationMs >= t.durationMs ? most : t),
    undefined,
  );
  return slowest && { test: `${slowest.target} › ${slowest.title}`, seconds: slowest.durationMs / 1000 };
}

// The self-test for a terminal: one short table of what was proved, then only what went wrong, each
// with the first reason its report gives and where that report is.
export function selftestTable(cases: SelftestCase[], figures: SelftestFigures): string {
  const group = (label: string, picked: SelftestCase[], proved: string) => {
    // A narrowed run leaves whole groups out: "0 / 0" would read as proved.
    if (picked.length === 0 && figures.narrowed) return `  ${label.padEnd(30)} not in this run`;
    const ok = picked.filter((c) => c.ok).length;
    return `  ${label.padEnd(30)} ${String(ok).padStart(3)} / ${String(picked.length).padEnd(4)} ${proved}`;
  };
  const faults = cases.filter((c) => c.kind === 'fault');
  const lines = ['self-test of the conformance suite'];
  if (figures.narrowed)
    lines.push(
      `  partial run: MDE_SELFTEST_ONLY ran ${figures.narrowed.ran.length} of ${figures.narrowed.of} cases (${figures.narrowed.ran.join(', ')}); npm test runs every case`,
    );
  lines.push(
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
      `kept to their safety switches${figures.rehearsalProfile ? `, no false alarm in profile ${figures.rehearsalProfile}` : ''}`,
    ),
    group(
      'calibrated emulators',
      cases.filter((c) => c.kind === 'calibration'),
      'answer every observed open point as the original',
    ),
    `  ${'conformance tests run'.padEnd(30)} ${figures.tests} in ${figures.seconds} s${figures.workers ? ` on ${figures.workers} worker${figures.workers === 1 ? '' : 's'}` : ''}`,
  );
  if (figures.slowest) {
    const { test, seconds } = figures.slowest;
    const shown = test.length > 70 ? `${test.slice(0, 69)}…` : test;
    lines.push(`  ${'slowest test'.padEnd(30)} ${seconds.toFixed(1)} s: ${shown}`);
  }
  // A narrowed run without calibration cases probed nothing: no line for it.
  if (figures.calibration && cases.some((c) => c.kind === 'calibration'))
    lines.push(
      `  ${'calibration probes'.padEnd(30)} ${figures.calibration.requests} requests per emulator, ${figures.calibration.seconds} s after the run${figures.calibration.originalsSeconds !== undefined ? ` (the originals' ${figures.calibration.originalsSeconds} s during it)` : ''}`,
    );
  for (const c of cases.filter((c) => !c.ok)) {
    lines.push(`  ✘ ${c.name}: ${c.detail}`);
    if (c.reason) lines.push(`      ${c.reason}`);
    if (c.report) lines.push(`      see ${c.report}`);
  }
  return lines.join('\n');
}

// reports/selftest.md: every case, for people and for the README. `dir` is where it is written, for
// the links to the failed cases' reports.
export function selftestMarkdown(cases: SelftestCase[], figures: SelftestFigures, dir = REPORTS_DIR): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const row = (c: SelftestCase) => {
    const parts = [cell(c.detail)];
    if (c.reason) parts.push(cell(c.reason));
    if (c.report) parts.push(`[${c.report}](${relative(dir, c.report).split('\\').join('/')})`);
    return `| ${c.ok ? '✔' : '✘'} | \`${c.name}\` | ${parts.join('<br>')} |`;
  };
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
