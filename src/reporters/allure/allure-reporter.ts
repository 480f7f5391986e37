import { resolve } from 'node:path';
import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { TestResult as AllureTestResult, StepResult } from 'allure-js-commons';
import { Stage, Status } from 'allure-js-commons';
import type { Writer } from 'allure-js-commons/sdk/reporter';
import { AllureReporter } from 'allure-playwright';
import { ALLURE_RESULTS_DIR } from '../../common/report-files.ts';
import { findingsOf } from '../../harness/evidence/finding.ts';
import { type RunPlan, targetOfTest } from '../../harness/run/run-plan.ts';
import { outcomeOf } from '../records/test-outcome.ts';
import { allureMetadataFor, findingSteps } from './allure-labels.ts';
import { AllureResultsWriter } from './allure-results-writer.ts';
import { prepareResultsDir } from './allure-shard-set.ts';
import { foldStepAttachments } from './allure-step-attachments.ts';

export interface AllureReporterOptions {
  // Default 'allure-results', relative to the working directory as allure-playwright has it.
  resultsDir?: string;
}

// What allure-playwright keeps private and this reporter needs: the runtime that holds each test's
// result until it is written, and which result belongs to which test.
interface Internals {
  allureRuntime: {
    writer: Writer;
    updateTest(uuid: string, update: (result: AllureTestResult) => void): void;
    writeTest(uuid: string): void;
  };
  allureResultsUuids: Map<string, string>;
}

// allure-playwright as a conformance run uses it. Everything Allure shows beyond Playwright's own
// results is added here, in the runner, from what the tests declare and record; the tests send Allure
// nothing (each runtime message cost a test an attachment, a step and a stack capture):
// - labels and links from the requirements a test claims (allure-labels.ts), and its target;
// - a step per finding (a violation, an observation, a lost exchange);
// - each exchange's attachment inside its step (allure-step-attachments.ts);
// - allure-results/ holds this run only (or its shard set: allure-shard-set.ts), written without
//   waiting for the disk (allure-results-writer.ts).
export default class ConformanceAllureReporter extends AllureReporter {
  private readonly resultsDir: string;
  private readonly writer: AllureResultsWriter;
  private plan: RunPlan | undefined;
  // A test's finding steps, by its result, until the result is written.
  private readonly findings = new Map<string, StepResult[]>();
  // Attempts that reached no verdict and are retried: the records keep only a test's last attempt, so
  // allure-statuses.ts cannot mark these broken; allure-playwright calls them failed.
  private readonly retriedNoVerdict = new Set<string>();
  // The earlier run's results, removed while this run's tests run.
  private earlierRemoved: Promise<void> = Promise.resolve();

  constructor(options: AllureReporterOptions = {}) {
    const resultsDir = options.resultsDir ?? ALLURE_RESULTS_DIR;
    super({ resultsDir });
    this.resultsDir = resultsDir;
    this.writer = new AllureResultsWriter(resultsDir);
  }

  override onConfigure(config: FullConfig): void {
    super.onConfigure(config);
    this.plan = config.metadata.plan as RunPlan | undefined;
    // allure-playwright never empties its directory, and Allure 3 shows earlier runs' results as
    // retries of this one; shards of one set run one after another keep each other's.
    this.earlierRemoved = prepareResultsDir(resolve(this.resultsDir), config.shard);
  }

  override onBegin(suite: Suite): void {
    super.onBegin(suite);
    const runtime = this.internals().allureRuntime;
    // Only an upgrade of allure-playwright can change these (tests/reporters/allure/allure-reporter.spec.ts).
    if (typeof runtime?.writeTest !== 'function' || !(this.internals().allureResultsUuids instanceof Map))
      throw new Error(
        'This allure-playwright no longer has the runtime src/reporters/allure/allure-reporter.ts extends; pin the version in package.json.',
      );
    runtime.writer = this.writer;
    // Findings close the test's steps: added when the result is complete, just before it is written.
    const writeTest = runtime.writeTest.bind(runtime);
    runtime.writeTest = (uuid) => {
      const steps = this.findings.get(uuid);
      runtime.updateTest(uuid, (result) => {
        foldStepAttachments(result.steps);
        if (steps) result.steps.push(...steps);
        if (this.retriedNoVerdict.has(uuid)) result.status = Status.BROKEN;
      });
      this.findings.delete(uuid);
      this.retriedNoVerdict.delete(uuid);
      writeTest(uuid);
    };
  }

  override onTestBegin(test: TestCase): void {
    super.onTestBegin(test);
    const ids = test.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
    const target = this.plan ? targetOfTest(this.plan, test.tags).name : undefined;
    const { labels, links } = allureMetadataFor(ids, test.title, target);
    const uuid = this.uuidOf(test);
    if (!uuid) return;
    this.internals().allureRuntime.updateTest(uuid, (result) => {
      result.labels.push(...labels);
      result.links.push(...links);
    });
  }

  override async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    const uuid = this.uuidOf(test);
    const steps = findingSteps(result.annotations);
    if (uuid && steps.length > 0) this.findings.set(uuid, steps.map(findingStep));
    const retried =
      (result.status === 'failed' || result.status === 'timedOut') && result.retry < test.retries;
    const findings = findingsOf([...test.annotations, ...result.annotations]);
    if (uuid && retried && outcomeOf(test, result, findings).outcome === 'errored')
      this.retriedNoVerdict.add(uuid);
    await super.onTestEnd(test, result);
  }

  override async onEnd(): Promise<void> {
    await super.onEnd();
    const failed = await this.writer.flush();
    await this.earlierRemoved;
    if (failed.length > 0)
      console.error(
        `allure: ${failed.length} file(s) could not be written to ${this.resultsDir}/, first ${failed[0]}; the Allure report will lack them`,
      );
  }

  // The Allure result allure-playwright started for this test.
  private uuidOf(test: TestCase): string | undefined {
    return this.internals().allureResultsUuids.get(test.id);
  }

  private internals(): Internals {
    return this as unknown as Internals;
  }
}

function findingStep(name: string): StepResult {
  return {
    name,
    status: Status.PASSED,
    stage: Stage.FINISHED,
    steps: [],
    attachments: [],
    parameters: [],
    statusDetails: {},
  };
}
