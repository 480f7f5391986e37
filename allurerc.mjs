import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Allure 3 (@allurereport/core, Node, no Java) turns allure-results/ into allure-report/ with this config,
// run by the conformance, report and merge scripts (src/reporters/allure/allure-generate.ts); docs/reports.md
// explains the report. The verdict of record is reports/compliance.json: Allure shows the tests behind it.

// The compliance reporter's raw records say which targets ran and with which suite and contract.
const recordsFile = process.env.MDE_COMPLIANCE_RECORDS ?? 'test-results/compliance-records.json';
const records = existsSync(recordsFile) ? JSON.parse(readFileSync(recordsFile, 'utf8')) : undefined;
const targets = Object.entries(records?.targets ?? {});

// As compliance.md's Target line says it: the description (a broken emulator's faults, a profile)
// unless it is the name (the self-test's targets), then the host unless the description holds it.
// Each of name, mode and address said once: a description starts with its mode and may hold the address.
const described = (name, info) => {
  const description = info.description && info.description !== name ? String(info.description) : '';
  const host = String(info.apiHost);
  const where = description.includes(host)
    ? ''
    : description.startsWith(String(info.mode))
      ? host
      : `${info.mode} at ${host}`;
  const said = [description, where].filter(Boolean).join(', ');
  return said === name || said.startsWith(`${name} `) ? said : `${name}: ${said}`;
};

// The verdict of record, so that the report read alone says whether the run conformed and whether it
// was partial: reports/compliance.json, or each target's line in a multi-target run's index. Only this
// run's (the same start as the records): a report left by an earlier run says nothing of this one.
const reportsDir = process.env.MDE_REPORTS_DIR ?? 'reports';
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};
const thisRun = (report) =>
  records?.startedAt !== undefined && report?.startedAt === records.startedAt ? report : undefined;
const index = thisRun(readJson(join(reportsDir, 'targets', 'index.json')));
const single = index ? undefined : thisRun(readJson(join(reportsDir, 'compliance.json')))?.summary;
// The report's overview shows about 40 characters of a value: the exit code comes first, or a long
// reason hides it.
const verdictOf = (outcome) => (outcome ? `exit ${outcome.exitCode}: ${outcome.exitReason}` : 'unknown');
// Said apart from the verdict, whose closing words the overview cuts off. Rows whose tests reached no
// verdict (ERROR) had a test in the run and were still not judged: said first, as they outweigh it.
const coverageOf = (summary) => {
  if (!summary) return 'unknown';
  const noVerdict = summary.verdicts?.ERROR ?? 0;
  const unjudged = `${noVerdict} of ${summary.requirements} requirements reached no verdict (ERROR)`;
  // A run whose command line selected its tests (--grep, files) is partial even where every requirement
  // kept a test: each verdict rests only on those it kept.
  if (summary.narrowedBy?.length)
    return [
      `partial run: tests selected by ${summary.narrowedBy.join(' ')}`,
      noVerdict > 0 ? unjudged : undefined,
    ]
      .filter(Boolean)
      .join('; ');
  if (summary.notRun?.length)
    return [
      `partial run: ${summary.notRun.length} of ${summary.requirements} requirements had no test in it`,
      noVerdict > 0 ? unjudged : undefined,
    ]
      .filter(Boolean)
      .join('; ');
  return noVerdict > 0
    ? `${unjudged}; every one had a test in this run`
    : 'every requirement had a test in this run';
};
const targetVerdict = (name) => verdictOf(index?.targets?.find((t) => t.name === name));

const isMust = (tr) => tr.labels.some((l) => l.name === 'severity' && l.value === 'critical');

// A plain object: importing `defineConfig` from 'allure' would start Allure's command line.
export default {
  name: 'MDE machine actions: conformance',
  output: 'allure-report',
  resultsDir: 'allure-results',
  variables: {
    'Suite version': records?.suite?.version ?? 'unknown',
    // As compliance.md names it beside the version: the tests change between commits of one version.
    'Suite commit': records?.suite?.commit?.slice(0, 12) ?? 'unknown',
    'Contract hash': records?.suite?.contractHash ?? 'unknown',
    Targets: targets.map(([name, info]) => described(name, info)).join('; ') || 'unknown',
    // When the target was tested: a report regenerated later (npm run report) says so beside it.
    Run:
      [records?.runId, records?.startedAt && `started ${records.startedAt}`].filter(Boolean).join(', ') ||
      'unknown',
    Verdict: index ? `exit ${index.exitCode}; each target's verdict is its environment's` : verdictOf(single),
    ...(index ? {} : { Coverage: coverageOf(single) }),
  },
  // One Allure environment per target (the label 'target' comes from src/reporters/allure/allure-labels.ts),
  // so a multi-target run compares the same test across targets.
  environments: Object.fromEntries(
    targets.map(([name, info]) => [
      name.replace(/[^A-Za-z0-9._-]+/g, '-'),
      {
        name,
        variables: {
          mode: String(info.mode),
          apiHost: String(info.apiHost),
          description: String(info.description ?? ''),
          ...(index ? { verdict: targetVerdict(name) } : {}),
        },
        matcher: ({ labels }) => labels.some((l) => l.name === 'target' && l.value === name),
      },
    ]),
  ),
  // The compliance records decide what a failure means (src/reporters/records/test-outcome.ts); before
  // generation, tests that reached no verdict are marked broken (src/reporters/allure/allure-statuses.ts).
  categories: {
    rules: [
      { name: 'Contract violations', matchedStatuses: ['failed'], groupBy: ['severity'] },
      { name: 'No verdict: exchange lost, set-up or suite failed', matchedStatuses: ['broken'] },
    ],
  },
  // Fails when a MUST test failed or reached no verdict (Allure counts broken tests as failures);
  // known deviations (statusDetails.known, set from the baseline by src/reporters/allure/allure-statuses.ts)
  // are excluded by Allure itself. Violations recorded as annotations do not fail tests, so the exit
  // code of `npm run conformance` stays the gate.
  qualityGate: { rules: [{ id: 'must', maxFailures: 0, filter: isMust }] },
  plugins: {
    awesome: {
      options: {
        singleFile: process.env.MDE_REPORT_SINGLE_FILE === 'true',
        reportLanguage: 'en',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
