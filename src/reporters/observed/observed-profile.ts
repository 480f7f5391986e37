import {
  OPEN_POINTS,
  type OpenPointId,
  type PointEntry,
  type ProfileDocument,
} from '../../contract/index.ts';
import { POINT_SOURCES } from '../../harness/observation/point-sources.ts';
import { WALL_CLOCK } from '../../harness/wall-clock.ts';
import type { RunRecords, TestRecord } from '../records/test-record.ts';
import { combine, type Observation } from './observed-readings.ts';

// reports/observed-profile.json (docs/calibration.md): how one target answered each open point in a
// run, from the readings its tests recorded, in the profile format the emulator takes back
// (schemas/observed-profile.schema.json). A point without a reading is unknown, with why.

// Why a point has its entry: read; or unknown because its tests were skipped, because no test of the
// run makes its request, because the answers disagreed or fit no lawful reading, or because the tests
// ran and still saw nothing that tells it. The self-test fails on the last three.
export type PointCause = 'seen' | 'skipped' | 'not-run' | 'conflict' | 'unlawful' | 'unseen';

export interface ObservedProfile {
  document: ProfileDocument;
  causes: Record<OpenPointId, PointCause>;
}

export interface ObservedProfileOptions {
  now?: Date;
  // `$schema` of the written file, relative to where it is written.
  schemaPath?: string;
}

export function buildObservedProfile(
  records: RunRecords,
  targetName: string,
  options: ObservedProfileOptions = {},
): ObservedProfile {
  const tests = records.tests.filter((t) => t.target === targetName);
  const points: Record<string, PointEntry> = {};
  const causes = {} as Record<OpenPointId, PointCause>;
  for (const point of OPEN_POINTS) {
    const { entry, cause } = entryOf(point, tests);
    points[point] = entry;
    causes[point] = cause;
  }
  const info = records.targets[targetName];
  const document: ProfileDocument = {
    ...(options.schemaPath ? { $schema: options.schemaPath } : {}),
    profileVersion: 1,
    name: `observed-${slug(targetName)}`,
    description:
      `How ${targetName} answered the open points in the run started ${records.startedAt}. An emulator ` +
      'started from this file answers each point read here the same way, and each unknown point as its default profile.',
    source: {
      kind: 'observed',
      target: info ? targetLine(targetName, info.description) : targetName,
      generatedAt: (options.now ?? new Date(WALL_CLOCK.now())).toISOString(),
      suite: records.suite.version,
      contractHash: records.suite.contractHash,
    },
    points: points as ProfileDocument['points'],
  } as ProfileDocument;
  return { document, causes };
}

function entryOf(point: OpenPointId, tests: TestRecord[]): { entry: PointEntry; cause: PointCause } {
  const observations: Observation[] = tests.flatMap((t) =>
    t.findings
      .filter(
        (f): f is Observation['finding'] =>
          (f.kind === 'reading' || f.kind === 'unreadable') && f.point === point,
      )
      .map((finding) => ({ test: t.title, finding })),
  );
  const combined = combine(point, observations);
  if (combined && 'reading' in combined)
    return {
      entry: { reading: combined.reading, evidence: combined.evidence, note: combined.note } as PointEntry,
      cause: 'seen',
    };
  if (combined)
    return { entry: { unknown: combined.text, evidence: combined.evidence }, cause: combined.why };
  return notSeen(point, tests);
}

// No answer told the point: say which request tells it and what became of the tests that make it.
function notSeen(point: OpenPointId, tests: TestRecord[]): { entry: PointEntry; cause: PointCause } {
  const { requirements, request } = POINT_SOURCES[point];
  const sources =
    requirements === 'any'
      ? tests
      : tests.filter((t) => t.requirements.some((r) => requirements.includes(r)));
  const claim = requirements === 'any' ? '' : ` (${requirements.join(', ')})`;
  // A run that ran no test at all stopped before its tests (a refused sign-in, a target not
  // answering): its compliance report says why, and no --grep is to blame.
  const notRun =
    tests.length === 0
      ? 'the run ran no test (its report says why)'
      : 'was the run narrowed, e.g. with --grep?';
  if (sources.length === 0)
    return { entry: { unknown: `no test of this run made ${request}${claim}; ${notRun}` }, cause: 'not-run' };
  const ran = sources.filter((t) => t.outcome !== 'skipped');
  if (ran.length === 0) {
    const reasons = [...new Set(sources.map((t) => t.skipReason ?? 'skipped'))];
    return {
      entry: {
        unknown: `not seen: every test that makes ${request}${claim} was skipped: ${reasons.slice(0, 2).join('; ')}`,
      },
      cause: 'skipped',
    };
  }
  const broken = ran.find((t) => t.error);
  // Some lines begin with the test's title already (an interrupted test's, a timed-out one's).
  const brokenLine =
    broken?.error &&
    (broken.error.line.startsWith(`${broken.title}: `)
      ? broken.error.line
      : `${broken.title}: ${broken.error.line}`);
  const why =
    requirements === 'any'
      ? `not seen: none of the ${ran.length} test(s) that ran got ${request}`
      : `not seen: ${ran.length} test(s) that make ${request}${claim} ran, but no answer told it`;
  return {
    entry: {
      unknown: why + (brokenLine && requirements !== 'any' ? ` (${brokenLine})` : ''),
    },
    cause: 'unseen',
  };
}

// "emulator at ...", not "emulator: emulator at ...": the name only where the description lacks it
// (a matrix target, "profile:lenient: embedded reference emulator (profile lenient)"), once where it is
// the whole description (the self-test's "profile:lenient").
function targetLine(name: string, description: string): string {
  return description === name || description.startsWith(`${name} `) ? description : `${name}: ${description}`;
}

// A profile name: lower case letters, digits, dots and dashes.
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 55) || 'target'
  );
}
