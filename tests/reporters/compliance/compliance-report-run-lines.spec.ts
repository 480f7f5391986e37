import { buildComplianceReport } from '../../../src/reporters/compliance/compliance-report.ts';
import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { renderTargetIndex } from '../../../src/reporters/compliance/target-index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords } from '../helpers/records.ts';
import { defaultTests, now, registry } from '../helpers/sample-report.ts';

// What a report says about the target it judged and the run it came from.

test('the Target line names the host once, whether the description holds it or not', () => {
  const emulator = {
    mode: 'emulator' as const,
    apiHost: '127.0.0.1:4010',
    description: 'emulator at http://127.0.0.1:4010',
  };
  const built = buildComplianceReport({
    records: runRecords(defaultTests(), { targets: { embedded: emulator } }),
    targetName: 'embedded',
    registry,
    now,
  });
  expect(renderMarkdown(built)).toContain('- Target: emulator at http://127.0.0.1:4010\n');

  // An embedded target's profile and faults are fields for machines and words for people, said once.
  const embedded = {
    mode: 'embedded' as const,
    apiHost: 'loopback',
    description: 'embedded reference emulator (profile lenient; faults final-state-500)',
    profile: 'lenient',
    faults: ['final-state-500'],
    seed: 'seed.json',
  };
  const md = renderMarkdown(
    buildComplianceReport({
      records: runRecords(defaultTests(), { targets: { embedded } }),
      targetName: 'embedded',
      registry,
      now,
    }),
  );
  expect(md).toContain(
    '- Target: embedded reference emulator (profile lenient; faults final-state-500), embedded at loopback, seed seed.json\n',
  );
});

test('a report written after its run (npm run report, a merge) says when its run was, not only when it was written', () => {
  const records = runRecords(defaultTests(), { runId: 'run-20260101T000000-abcdef' });
  const built = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  const json = JSON.parse(renderJson(built));
  expect(json.generatedAt).toBe(now.toISOString());
  expect(json.startedAt).toBe(records.startedAt);
  expect(json.runId).toBe('run-20260101T000000-abcdef');
  const md = renderMarkdown(built);
  expect(md).toContain(
    '- Run: run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z, lasted 1.0 s\n- Generated: 2026-01-02T03:04:05.000Z\n',
  );
  // Merged shards have no one run id: the line says when the first began.
  const { runId: _none, ...merged } = records;
  expect(
    renderMarkdown(buildComplianceReport({ records: merged, targetName: 'embedded', registry, now })),
  ).toContain('- Run: started 2026-01-01T00:00:00.000Z, lasted 1.0 s\n');
});

test("a multi-target run's index and matrix say when the run was, as each target's report does", () => {
  const records = runRecords(defaultTests(), { runId: 'run-20260101T000000-abcdef' });
  const built = buildComplianceReport({ records, targetName: 'embedded', registry, now });
  const { json, markdown } = renderTargetIndex([built]);
  expect(JSON.parse(json)).toMatchObject({
    generatedAt: now.toISOString(),
    startedAt: records.startedAt,
    runId: 'run-20260101T000000-abcdef',
  });
  expect(markdown).toContain(
    'run run-20260101T000000-abcdef, started 2026-01-01T00:00:00.000Z, generated 2026-01-02T03:04:05.000Z.',
  );
});
