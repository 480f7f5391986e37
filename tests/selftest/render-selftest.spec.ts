import type { SelftestCase } from '../../src/selftest/judge-matrix.ts';
import { selftestMarkdown, selftestTable, slowestTest } from '../../src/selftest/render-selftest.ts';
import { expect, test } from '../helpers/api-test.ts';

const FIGURES = { tests: 56, seconds: 5 };
const FAILED: SelftestCase = {
  name: 'profile:default',
  kind: 'profile',
  ok: false,
  detail: 'false alarm: CANCEL.FIELDS WARN',
  reason: 'CANCEL.FIELDS: a cancel records its time as now: expected < 5000, got 260466',
  report: 'reports/selftest-run/targets/profile-default/compliance.md',
};

test("a failed case shows its first reason and where its target's report is", () => {
  expect(selftestTable([FAILED], FIGURES)).toContain(
    [
      '  ✘ profile:default: false alarm: CANCEL.FIELDS WARN',
      '      CANCEL.FIELDS: a cancel records its time as now: expected < 5000, got 260466',
      '      see reports/selftest-run/targets/profile-default/compliance.md',
    ].join('\n'),
  );
  expect(selftestMarkdown([FAILED], FIGURES)).toContain(
    '| ✘ | `profile:default` | false alarm: CANCEL.FIELDS WARN<br>CANCEL.FIELDS: a cancel records its time as now: expected < 5000, got 260466<br>[reports/selftest-run/targets/profile-default/compliance.md](selftest-run/targets/profile-default/compliance.md) |',
  );
});

test('a narrowed run says so, with the cases it ran, and leaves out the groups it did not run', () => {
  const ok: SelftestCase = { name: 'profile:default', kind: 'profile', ok: true, detail: 'clean' };
  const table = selftestTable([ok], { ...FIGURES, narrowed: { ran: ['profile:default'], of: 63 } });
  expect(table).toContain(
    'partial run: MDE_SELFTEST_ONLY ran 1 of 63 cases (profile:default); npm test runs every case',
  );
  expect(table).toMatch(/conforming profiles +1 \/ 1 /);
  expect(table).toMatch(/tenant rehearsals +not in this run/);
  expect(table).not.toContain('0 / 0');
  // The whole matrix shows every group, empty or not, and no note.
  expect(selftestTable([ok], FIGURES)).toMatch(/tenant rehearsals +0 \/ 0 /);
  expect(selftestTable([ok], FIGURES)).not.toContain('partial run');
});

test('the slowest test of the run is named, so a test that waits shows at once', () => {
  const tests = [
    { target: 'fault:x', title: 'a quick one', durationMs: 12 },
    {
      target: 'tenant:writes',
      title: 'JSON answers carry Content-Type application/json',
      durationMs: 56_941,
    },
    { target: 'profile:default', title: 'another', durationMs: 900 },
  ];
  const slowest = slowestTest(tests);
  expect(slowest).toEqual({
    test: 'tenant:writes › JSON answers carry Content-Type application/json',
    seconds: 56.941,
  });
  expect(selftestTable([], { ...FIGURES, slowest })).toContain(
    'slowest test                   56.9 s: tenant:writes › JSON answers carry Content-Type application/json',
  );
  expect(slowestTest([])).toBeUndefined();
});

test('the tests line says on how many workers they ran, as the seconds depend on it', () => {
  expect(selftestTable([], { ...FIGURES, workers: 4 })).toContain(
    'conformance tests run          56 in 5 s on 4 workers',
  );
  expect(selftestTable([], { ...FIGURES, workers: 1 })).toMatch(/56 in 5 s on 1 worker$/m);
});

test('rehearsals run in another profile say which, beside what they proved', () => {
  const rehearsal: SelftestCase = { name: 'tenant:writes', kind: 'tenant', ok: true, detail: 'kept' };
  expect(selftestTable([rehearsal], { ...FIGURES, rehearsalProfile: 'lagging' })).toMatch(
    /tenant rehearsals +1 \/ 1 +kept to their safety switches, no false alarm in profile lagging/,
  );
  expect(selftestTable([rehearsal], FIGURES)).not.toContain('in profile');
});
