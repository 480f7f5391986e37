import { getRegistry, OPEN_POINTS, type OpenPointId } from '../../../src/contract/index.ts';
import { POINT_SOURCES } from '../../../src/harness/observation/point-sources.ts';
import { buildObservedProfile } from '../../../src/reporters/observed/observed-profile.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { reading, runRecords, skipped, testRecord } from '../helpers/records.ts';

const CANCEL = 'POST /api/machineactions/{id}/cancel';

const entry = (records: ReturnType<typeof runRecords>, point: OpenPointId) =>
  buildObservedProfile(records, 'embedded').document.points[point] as Record<string, unknown>;
const cause = (records: ReturnType<typeof runRecords>, point: OpenPointId) =>
  buildObservedProfile(records, 'embedded').causes[point];

test.describe('the observed profile of a run', () => {
  test('a reading that every answer agrees on, with the tests and exchanges behind it', () => {
    const refusal = { status: 409, code: 'Conflict' };
    const records = runRecords([
      testRecord({
        title: 'Succeeded',
        requirements: ['CANCEL.FINAL'],
        findings: [reading('final-state-cancel', refusal, 409)],
      }),
      testRecord({
        title: 'TimeOut',
        requirements: ['CANCEL.TIMEOUT'],
        findings: [reading('final-state-cancel', refusal, 409)],
      }),
    ]);
    expect(entry(records, 'final-state-cancel')).toEqual({
      reading: refusal,
      evidence: [
        { test: 'Succeeded', exchange: `${CANCEL} → 409`, status: 409 },
        { test: 'TimeOut', exchange: `${CANCEL} → 409`, status: 409 },
      ],
      note: '2 test(s) saw it',
    });
    expect(cause(records, 'final-state-cancel')).toBe('seen');
  });

  test('answers that disagree, or fit no lawful reading, leave the point unknown and say how', () => {
    const records = runRecords([
      testRecord({
        title: 'one',
        findings: [reading('malformed-id', { status: 400, code: 'InvalidInput' })],
      }),
      testRecord({
        title: 'two',
        findings: [reading('malformed-id', { status: 404, code: 'NotFound' }, 404)],
      }),
      testRecord({
        title: 'three',
        findings: [
          {
            kind: 'unreadable',
            point: 'unknown-id',
            text: 'answered 500',
            evidence: { exchange: `${CANCEL} → 500` },
          },
        ],
      }),
    ]);
    expect(entry(records, 'malformed-id')['unknown']).toBe(
      `the target answered differently within the run: {"status":400,"code":"InvalidInput"} (one: ${CANCEL} → 400), but {"status":404,"code":"NotFound"} (two: ${CANCEL} → 404)`,
    );
    expect(cause(records, 'malformed-id')).toBe('conflict');
    expect(entry(records, 'unknown-id')['unknown']).toBe(
      `no answer fit a lawful reading: answered 500 (three: ${CANCEL} → 500)`,
    );
    expect(cause(records, 'unknown-id')).toBe('unlawful');
  });

  test('timestamps read the most digits seen; extra members the union of entities and errors', () => {
    const records = runRecords([
      testRecord({
        title: 'a',
        findings: [reading('timestamp-precision', 3, 200), reading('extra-members', { entity: ['x'] }, 200)],
      }),
      testRecord({
        title: 'b',
        findings: [
          reading('timestamp-precision', 7, 200),
          reading('extra-members', { error: ['innerError'] }),
        ],
      }),
    ]);
    expect(entry(records, 'timestamp-precision')['reading']).toBe(7);
    expect(entry(records, 'extra-members')['reading']).toEqual({ entity: ['x'], error: ['innerError'] });
    const entityOnly = runRecords([
      testRecord({ findings: [reading('extra-members', { entity: [] }, 200)] }),
    ]);
    expect(cause(entityOnly, 'extra-members')).toBe('unseen');
  });

  test('a point nobody saw says whether its tests were skipped, did not run, or saw nothing', () => {
    const records = runRecords([
      testRecord({ requirements: ['RATE.WINDOW'], ...skipped('needs MDE_ALLOW_THROTTLING=true') }),
      testRecord({ requirements: ['CANCEL.STATUS'], title: 'status' }),
    ]);
    expect(entry(records, 'rate-window')['unknown']).toMatch(
      /RATE\.WINDOW\) was skipped: needs MDE_ALLOW_THROTTLING=true$/,
    );
    expect(cause(records, 'rate-window')).toBe('skipped');
    expect(entry(records, 'duplicate-create')['unknown']).toMatch(/^no test of this run made .*--grep/);
    expect(cause(records, 'duplicate-create')).toBe('not-run');
    expect(entry(records, 'cancel-answer-status')['unknown']).toMatch(
      /1 test\(s\) .* ran, but no answer told it/,
    );
    expect(cause(records, 'cancel-answer-status')).toBe('unseen');
  });

  // An interrupted test's line already begins with its title: the reason read "(how the minute window
  // moves ...: how the minute window moves ...: the run was interrupted)".
  test('a test that broke off is named once in the reason', () => {
    const title = 'how the minute window moves and what Retry-After counts is recorded';
    const records = runRecords([
      testRecord({
        title,
        requirements: ['RATE.WINDOW'],
        outcome: 'errored',
        error: { category: 'suite-error', line: `${title}: the run was interrupted` },
      }),
    ]);
    expect(entry(records, 'rate-window')['unknown']).toMatch(
      /ran, but no answer told it \(how the minute window moves and what Retry-After counts is recorded: the run was interrupted\)$/,
    );
  });

  test('a run that ran no test says so, not that it was narrowed', () => {
    const unknown = entry(runRecords([]), 'duplicate-create')['unknown'];
    expect(unknown).toMatch(/^no test of this run made .*; the run ran no test \(its report says why\)$/);
    expect(cause(runRecords([]), 'duplicate-create')).toBe('not-run');
  });

  test("every point's telling tests claim requirements of the registry", () => {
    const ids = new Set(getRegistry().requirements.map((r) => r.id as string));
    for (const point of OPEN_POINTS) {
      const { requirements } = POINT_SOURCES[point];
      if (requirements !== 'any') for (const id of requirements) expect(ids, `${point}: ${id}`).toContain(id);
    }
  });
});

// A description that starts with the target's name ("emulator at http://...") says it once.
test('source.target names the target once, and a name its description does not start with beside it', () => {
  const described = (name: string, description: string) =>
    buildObservedProfile(
      runRecords([testRecord({ target: name })], {
        targets: { [name]: { mode: 'emulator', apiHost: '127.0.0.1:4010', description } },
      }),
      name,
    ).document.source?.target;
  expect(described('emulator', 'emulator at http://127.0.0.1:4010')).toBe(
    'emulator at http://127.0.0.1:4010',
  );
  expect(described('embedded', 'embedded reference emulator')).toBe('embedded reference emulator');
  // A self-test target's description is its name: said once, not "profile:lenient: profile:lenient".
  expect(described('profile:lenient', 'profile:lenient')).toBe('profile:lenient');
  expect(described('profile:lenient', 'embedded reference emulator (profile lenient)')).toBe(
    'profile:lenient: embedded reference emulator (profile lenient)',
  );
});
