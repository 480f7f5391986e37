import { selftestSelection } from '../../src/selftest/selftest-selection.ts';
import { expect, test } from '../helpers/api-test.ts';

const KNOWN = ['profile:default', 'fault:cancel-new-id', 'tenant:read-only', 'independent:a'];

const GiB = 2 ** 30;
const TWO_CORES = { cores: 2, memoryBytes: 8 * GiB };

test('unset, every case runs on a worker per core; MDE_SELFTEST_WORKERS sets them', () => {
  const selection = selftestSelection({}, KNOWN, TWO_CORES);
  expect(KNOWN.every(selection.wanted)).toBe(true);
  expect(selection.workers).toBe(2);
  expect(selftestSelection({}, KNOWN, { cores: 4, memoryBytes: 16 * GiB }).workers).toBe(4);
  expect(selftestSelection({ MDE_SELFTEST_WORKERS: '3' }, KNOWN, TWO_CORES).workers).toBe(3);
  expect(
    selftestSelection({ MDE_SELFTEST_WORKERS: '8' }, KNOWN, { cores: 1, memoryBytes: GiB }).workers,
  ).toBe(8);
});

test('by default no more workers than GiB of memory, and never none', () => {
  expect(selftestSelection({}, KNOWN, { cores: 16, memoryBytes: 6.5 * GiB }).workers).toBe(6);
  expect(selftestSelection({}, KNOWN, { cores: 1, memoryBytes: 64 * GiB }).workers).toBe(1);
  expect(selftestSelection({}, KNOWN, { cores: 4, memoryBytes: 0.5 * GiB }).workers).toBe(1);
});

test('empty variables count as unset: every case, a worker per core', () => {
  const selection = selftestSelection({ MDE_SELFTEST_ONLY: ' ', MDE_SELFTEST_WORKERS: '' }, KNOWN, TWO_CORES);
  expect(KNOWN.every(selection.wanted)).toBe(true);
  expect(selection.workers).toBe(2);
  expect(selection.problems).toEqual([]);
  expect(KNOWN.filter(selftestSelection({ MDE_SELFTEST_ONLY: 'profile:default,' }, KNOWN).wanted)).toEqual([
    'profile:default',
  ]);
});

test('MDE_SELFTEST_ONLY narrows the run to the cases it names, and says which for the report', () => {
  const selection = selftestSelection({ MDE_SELFTEST_ONLY: 'profile:default, independent:a' }, KNOWN);
  expect(KNOWN.filter(selection.wanted)).toEqual(['profile:default', 'independent:a']);
  expect(selection.only).toEqual(['profile:default', 'independent:a']);
  expect(selftestSelection({}, KNOWN).only).toBeUndefined();
});

test('a misspelt case and a bad worker count are problems, each naming what to fix', () => {
  const { problems } = selftestSelection(
    { MDE_SELFTEST_ONLY: 'proflie:default', MDE_SELFTEST_WORKERS: 'two' },
    KNOWN,
  );
  expect(problems).toEqual([
    {
      variable: 'MDE_SELFTEST_ONLY',
      problem: expect.stringMatching(/"proflie:default".*profile:<name>, fault:<name>/),
    },
    { variable: 'MDE_SELFTEST_WORKERS', problem: expect.stringMatching(/whole number.*"two"/) },
  ]);
  expect(selftestSelection({ MDE_SELFTEST_ONLY: 'profile:default' }, KNOWN).problems).toEqual([]);
});

test("a misspelt case of a known family is answered with that family's cases", () => {
  const problem = (name: string, known = KNOWN) =>
    selftestSelection({ MDE_SELFTEST_ONLY: name }, known).problems[0]?.problem;
  expect(problem('profile:defualt')).toMatch(/\(profile cases are profile:default\)$/);
  expect(problem('tenant:nope')).toBe(
    'names no self-test case: "tenant:nope" (tenant cases are tenant:read-only)',
  );
  const faults = Array.from({ length: 20 }, (_, i) => `fault:f${i}`);
  expect(problem('fault:typo', [...KNOWN, ...faults])).toMatch(
    /\(21 fault cases: npm run emulator -- --list-faults names them\)$/,
  );
});

// Commas alone are set, yet name nothing: the script would hand Playwright a plan without targets.
test('MDE_SELFTEST_ONLY of commas alone is a problem, not an empty run', () => {
  for (const value of [',', ' , ,'])
    expect(selftestSelection({ MDE_SELFTEST_ONLY: value }, KNOWN).problems).toEqual([
      {
        variable: 'MDE_SELFTEST_ONLY',
        problem: expect.stringMatching(/^names no self-test case, only commas \(got ",/),
      },
    ]);
});

// Number("0x2") is 2 and Number("1e1") is 10: a count of workers is written in digits, and anything
// else is refused rather than read as a number nobody wrote.
test('MDE_SELFTEST_WORKERS in hex, binary or with an exponent is refused', () => {
  for (const written of ['0x2', '0b10', '1e1', '2.0'])
    expect(selftestSelection({ MDE_SELFTEST_WORKERS: written }, KNOWN).problems).toEqual([
      { variable: 'MDE_SELFTEST_WORKERS', problem: expect.stringContaining(`(got "${written}")`) },
    ]);
});

// The tenant rehearsals ran only in the default profile, so the tenant path's real-time waits never met
// a tenant whose cancel shows late; MDE_SELFTEST_REHEARSAL_PROFILE picks a built-in profile for them.
test('MDE_SELFTEST_REHEARSAL_PROFILE names a built-in profile for the rehearsals; a misspelt one is a problem', () => {
  const known = [...KNOWN, 'profile:lagging'];
  expect(selftestSelection({ MDE_SELFTEST_REHEARSAL_PROFILE: ' lagging ' }, known).rehearsalProfile).toBe(
    'lagging',
  );
  expect(selftestSelection({ MDE_SELFTEST_REHEARSAL_PROFILE: '' }, known).rehearsalProfile).toBeUndefined();
  expect(selftestSelection({ MDE_SELFTEST_REHEARSAL_PROFILE: 'laging' }, known).problems).toEqual([
    {
      variable: 'MDE_SELFTEST_REHEARSAL_PROFILE',
      problem: 'names no built-in profile: "laging" (profiles are default, lagging)',
    },
  ]);
  // A fault's or a rehearsal's name is no profile.
  expect(selftestSelection({ MDE_SELFTEST_REHEARSAL_PROFILE: 'cancel-new-id' }, known).problems).toHaveLength(
    1,
  );
});
