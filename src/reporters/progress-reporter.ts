import type { FullConfig, Reporter, Suite, TestCase } from '@playwright/test/reporter';

// For long runs whose verdicts are judged afterwards (the self-test matrix): a line every tenth of the
// way, and nothing about single results, since many failures there are the expected ones.
export default class ProgressReporter implements Reporter {
  private total = 0;
  private done = 0;
  private nextMark = 0.1;
  private readonly started = performance.now();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    console.log(`running ${this.total} tests`);
  }

  onTestEnd(_test: TestCase): void {
    this.done += 1;
    if (this.total === 0 || this.done / this.total < this.nextMark) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(0);
    console.log(
      `  ${Math.round((100 * this.done) / this.total)} % (${this.done}/${this.total}) in ${seconds} s`,
    );
    this.nextMark = Math.floor((10 * this.done) / this.total + 1) / 10;
  }
}
