import type { SelftestCase } from './judge-matrix.ts';
import type { DeclaredSkip } from './lawful-skips.ts';

export interface RecordedTest {
  target: string;
  file: string;
  title: string;
  outcome: string;
  skipReason?: string;
}

// A lawful case (a profile, an independent emulator) may leave untested only what the reference case
// leaves untested and what it declares (lawful-skips.ts). The verdicts alone cannot show it: a test
// skipped on a lawful target hides behind any other test of its requirement that passes (a relative
// @odata.nextLink followed to the wrong address left a CANCEL.PERSIST test NA, the row PASS).
export function judgeLawfulSkips(
  cases: readonly SelftestCase[],
  tests: readonly RecordedTest[],
  reference: string,
  declared: Readonly<Record<string, readonly DeclaredSkip[]>>,
): SelftestCase[] {
  const skipped = (target: string) => tests.filter((t) => t.target === target && t.outcome === 'skipped');
  const referenceSkips = new Set(skipped(reference).map((t) => `${t.file} › ${t.title}`));
  return cases.map((c) => {
    if (c.kind !== 'profile' && c.kind !== 'independent') return c;
    const allowed = declared[c.name] ?? [];
    const extra = skipped(c.name).filter(
      (t) => !referenceSkips.has(`${t.file} › ${t.title}`) && !allowed.some((d) => d.test === t.title),
    );
    const ranAnyway = allowed.filter((d) => !skipped(c.name).some((t) => t.title === d.test));
    const problems = [
      ...extra.map(
        (t) =>
          `left untested where ${reference} tested it: ${t.title} (${t.skipReason ?? 'no reason given'})`,
      ),
      ...ranAnyway.map(
        (d) => `declared untestable but not skipped: ${d.test} (src/selftest/lawful-skips.ts)`,
      ),
    ];
    if (problems.length === 0) {
      // Said in the case's line, so a reader of reports/selftest.md sees what this case did not prove.
      const untested = allowed.filter((d) => !ranAnyway.includes(d));
      return untested.length === 0
        ? c
        : {
            ...c,
            detail: `${c.detail}; untested as declared: ${untested.map((d) => `${d.test} (${d.why})`).join('; ')}`,
          };
    }
    const detail = c.ok ? problems.join('; ') : `${c.detail}; ${problems.join('; ')}`;
    return { ...c, ok: false, detail };
  });
}

// A tenant rehearsal may leave a test untested only for a reason it declares (tenant-skips.ts): its
// switches leave many tests NA by design, and one NA for any other reason hid as on a lawful profile.
export function judgeTenantSkips(
  cases: readonly SelftestCase[],
  tests: readonly RecordedTest[],
  declared: Readonly<Record<string, readonly string[]>>,
): SelftestCase[] {
  return cases.map((c) => {
    if (c.kind !== 'tenant') return c;
    const reasons = declared[c.name] ?? [];
    const skipped = tests.filter((t) => t.target === c.name && t.outcome === 'skipped');
    const declaredFor = (t: RecordedTest) => reasons.find((r) => t.skipReason?.startsWith(r));
    const problems = [
      ...skipped
        .filter((t) => !declaredFor(t))
        .map(
          (t) =>
            `left untested for a reason no tenant run has: ${t.title} (${t.skipReason ?? 'no reason given'})`,
        ),
      ...reasons
        .filter((r) => !skipped.some((t) => t.skipReason?.startsWith(r)))
        .map((r) => `declared skip reason not met: "${r}" (src/selftest/tenant-skips.ts)`),
    ];
    if (problems.length === 0) return c;
    const detail = c.ok ? problems.join('; ') : `${c.detail}; ${problems.join('; ')}`;
    return { ...c, ok: false, detail };
  });
}
