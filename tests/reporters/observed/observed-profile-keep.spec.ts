import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRegistry, readingOf } from '../../../src/contract/index.ts';
import type { Finding } from '../../../src/harness/evidence/finding.ts';
import { readObservedProfile } from '../../../src/reporters/observed/observed-profile-file.ts';
import type { TestRecord } from '../../../src/reporters/records/test-record.ts';
import { writeComplianceReports } from '../../../src/reporters/run/write-reports.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { errored, reading, requirementId, runRecords, testRecord } from '../helpers/records.ts';

// docs/interfaces.md#observed-profile: a run narrowed with --grep, or one whose target stopped answering,
// must not replace a full calibration (a tenant run of minutes) by a file that reads less.
test.afterEach(removeTempDirs);

const registry = getRegistry();
const ALL = registry.requirements.map((r) => r.id);
const FINAL = { status: 409, code: 'Conflict' };
const NOT_FOUND = { status: 404, code: 'NotFound' };

// A run whose tests claim every requirement (complete) or only some (narrowed).
function run(findings: Finding[], requirements = ALL, extra: Partial<TestRecord> = {}) {
  return runRecords([testRecord({ requirements, findings, ...extra })]);
}

function write(outDir: string, records: ReturnType<typeof run>): string {
  writeComplianceReports(records, { outDir, registry, requireMust: false });
  return readFileSync(join(outDir, 'compliance.md'), 'utf8');
}

const profile = (outDir: string, file = 'observed-profile.json') => readObservedProfile(join(outDir, file));

test('a narrowed run keeps a fuller observed profile and writes its own beside it', () => {
  const outDir = tempDir('keep-');
  write(outDir, run([reading('final-state-cancel', FINAL), reading('unknown-id', NOT_FOUND)]));
  const md = write(outDir, run([reading('unknown-id', NOT_FOUND)], [requirementId('CANCEL.NOTFOUND')]));
  expect(readingOf(profile(outDir), 'final-state-cancel')).toEqual(FINAL);
  const partial = profile(outDir, 'observed-profile.partial.json');
  expect(readingOf(partial, 'final-state-cancel')).toBeUndefined();
  expect(readingOf(partial, 'unknown-id')).toEqual(NOT_FOUND);
  expect(md).toContain('[observed-profile.partial.json](observed-profile.partial.json)');
  expect(md).toMatch(
    /\[observed-profile\.json\]\(observed-profile\.json\), written \S+ of embedded reference emulator with 2 points read, was kept/,
  );
  expect(md).toContain('(final-state-cancel)');
});

test('a run whose target stopped answering half-way keeps it too', () => {
  const outDir = tempDir('keep-');
  write(outDir, run([reading('final-state-cancel', FINAL)]));
  write(outDir, run([], ALL, errored('no answer within 10 s')));
  expect(readingOf(profile(outDir), 'final-state-cancel')).toEqual(FINAL);
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(true);
});

test('a complete run replaces it, and a partial file of an earlier run is removed', () => {
  const outDir = tempDir('keep-');
  write(outDir, run([reading('final-state-cancel', FINAL)]));
  write(outDir, run([reading('unknown-id', NOT_FOUND)], [requirementId('CANCEL.NOTFOUND')]));
  const md = write(outDir, run([reading('unknown-id', NOT_FOUND)]));
  expect(readingOf(profile(outDir), 'final-state-cancel')).toBeUndefined();
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(false);
  expect(md).toContain('[observed-profile.json](observed-profile.json), 1 of 21 open points read');
});

test('a narrowed run that reads every point the earlier file read, or a file that is no profile, replaces it', () => {
  const outDir = tempDir('keep-');
  write(outDir, run([reading('unknown-id', NOT_FOUND)]));
  write(
    outDir,
    run(
      [reading('unknown-id', NOT_FOUND), reading('final-state-cancel', FINAL)],
      [requirementId('CANCEL.FINAL')],
    ),
  );
  expect(readingOf(profile(outDir), 'final-state-cancel')).toEqual(FINAL);
  writeFileSync(join(outDir, 'observed-profile.json'), '{ not json');
  write(outDir, run([], [requirementId('CANCEL.FINAL')]));
  expect(profile(outDir).source?.kind).toBe('observed');
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(false);
});

// Proved with a tenant run, then a run narrowed with --grep against an emulator: the tenant's file was
// kept as reports/observed-profile.json, and the emulator's reading went to the partial file.
test("another target's observed profile is replaced, not kept; a tenant's run options do not make another", () => {
  const outDir = tempDir('keep-');
  const tenant = (options: string) => ({
    targets: {
      embedded: {
        mode: 'tenant' as const,
        apiHost: 'api.security.microsoft.com',
        description: `tenant at https://api.security.microsoft.com (${options})`,
      },
    },
  });
  const narrowed = [requirementId('CANCEL.NOTFOUND')];
  write(
    outDir,
    runRecords(
      [testRecord({ requirements: ALL, findings: [reading('final-state-cancel', FINAL)] })],
      tenant('sign-in secret, writes allowed, throttling allowed, quota share 1'),
    ),
  );
  write(
    outDir,
    runRecords(
      [testRecord({ requirements: narrowed, findings: [reading('unknown-id', NOT_FOUND)] })],
      tenant('sign-in secret, writes off, throttling off, quota share 0.5'),
    ),
  );
  expect(readingOf(profile(outDir), 'final-state-cancel'), 'the same tenant: kept').toEqual(FINAL);
  write(outDir, run([reading('unknown-id', NOT_FOUND)], narrowed));
  expect(readingOf(profile(outDir), 'final-state-cancel'), 'another target: replaced').toBeUndefined();
  expect(existsSync(join(outDir, 'observed-profile.partial.json'))).toBe(false);
});

// Staging and production behind one API host read as one target: a --grep run against production kept
// staging's fuller calibration as if it were production's (walk16). A tenant's description carries the
// key of its directory (describeTarget); a file written before it did names the host alone, and is kept.
test('another directory behind the same API host is another target; a file that names no directory is kept', () => {
  const outDir = tempDir('keep-');
  const tenant = (description: string) => ({
    targets: { embedded: { mode: 'tenant' as const, apiHost: 'api.security.microsoft.com', description } },
  });
  const host = 'https://api.security.microsoft.com';
  const options = '(sign-in secret, writes off, throttling off, quota share 1)';
  const narrowed = [requirementId('CANCEL.NOTFOUND')];
  // A whole run reads final-state-cancel; a narrowed one reads unknown-id alone.
  const runAs = (description: string, narrow: boolean) =>
    write(
      outDir,
      runRecords(
        [
          narrow
            ? testRecord({ requirements: narrowed, findings: [reading('unknown-id', NOT_FOUND)] })
            : testRecord({ requirements: ALL, findings: [reading('final-state-cancel', FINAL)] }),
        ],
        tenant(description),
      ),
    );
  const whole = (description: string) => runAs(description, false);
  const grep = (description: string) => runAs(description, true);
  whole(`tenant 0123456789 at ${host} ${options}`);
  grep(`tenant abcdefabcd at ${host} ${options}`);
  expect(readingOf(profile(outDir), 'final-state-cancel'), 'another directory: replaced').toBeUndefined();
  whole(`tenant at ${host} ${options}`);
  grep(`tenant abcdefabcd at ${host} ${options}`);
  expect(readingOf(profile(outDir), 'final-state-cancel'), 'a file naming no directory: kept').toEqual(FINAL);
});

// Files written before source.target stopped repeating the target's name ("embedded: embedded reference
// emulator") name the same target as the ones written since ("embedded reference emulator").
test('an earlier file whose source.target repeats the name is the same target, and is kept', () => {
  const outDir = tempDir('keep-');
  write(outDir, run([reading('final-state-cancel', FINAL), reading('unknown-id', NOT_FOUND)]));
  const file = join(outDir, 'observed-profile.json');
  const earlier = JSON.parse(readFileSync(file, 'utf8'));
  earlier.source.target = 'embedded: embedded reference emulator';
  writeFileSync(file, JSON.stringify(earlier));
  write(outDir, run([reading('unknown-id', NOT_FOUND)], [requirementId('CANCEL.NOTFOUND')]));
  expect(readingOf(profile(outDir), 'final-state-cancel'), 'kept').toEqual(FINAL);
  expect(profile(outDir).source?.target).toBe('embedded: embedded reference emulator');
});
