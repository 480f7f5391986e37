import type { FullConfig, Reporter, Suite, TestCase } from '@playwright/test/reporter';

// For long runs whose verdicts are judged afterwards (the self-test matrix): a line every tenth of the
// way, and nothing about single results, since many failures there are the expected ones. A stretch of
// slow tests (the hour limit's 1,500 calls on each target, 1 % of the tests and a third of the time)
// gets a line every QUIET_MS too: 35 s without one read as a run that had stopped.
const QUIET_MS = 15_000;

export interface ProgressOptions {
  now?: () => number;
  log?: (line: string) => void;
}

export default class ProgressReporter implements Reporter {
  private total = 0;
  private done = 0;
  private nextMark = 0.1;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  private readonly started: number;
  private lastLine: number;

  constructor(options: ProgressOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.log = options.log ?? ((line) => console.log(line));
    this.started = this.now();
    this.lastLine = this.started;
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    this.log(`running ${this.total} tests`);
  }

  onTestEnd(_test: TestCase): void {
    this.done += 1;
    if (this.total === 0) return;
    const at = this.now();
    const marked = this.done / this.total >= this.nextMark;
    if (!marked && at - this.lastLine < QUIET_MS) return;
    const seconds = ((at - this.started) / 1000).toFixed(0);
    this.log(
      `  ${Math.round((100 * this.done) / this.total)} % (${this.done}/${this.total}) in ${seconds} s`,
    );
    this.lastLine = at;
    if (marked) this.nextMark = Math.floor((10 * this.done) / this.total + 1) / 10;
  }
}
