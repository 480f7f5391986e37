import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestResult, TestResultContainer } from 'allure-js-commons';
import { FileSystemWriter } from 'allure-js-commons/sdk/reporter';

// allure-results/ written in the background. allure-playwright's own writer makes every file through a
// temporary file, an fsync and a rename on the runner's only thread, which meanwhile hands no test to
// a worker; nothing reads the directory before the run ends, so the files are written once, without
// waiting for the disk, and flush() (the reporter's onEnd) waits for them all. The rare writes (the
// environment, categories, globals) stay with allure-playwright's writer.
export class AllureResultsWriter extends FileSystemWriter {
  private readonly pending = new Set<Promise<void>>();
  private readonly failures: string[] = [];
  private made: Promise<unknown> | undefined;

  constructor(private readonly dir: string) {
    super({ resultsDir: dir });
  }

  override writeResult(result: TestResult): void {
    this.track(`${result.uuid}-result.json`, (path) => writeFile(path, JSON.stringify(result)));
  }

  override writeGroup(result: TestResultContainer): void {
    this.track(`${result.uuid}-container.json`, (path) => writeFile(path, JSON.stringify(result)));
  }

  override writeAttachment(name: string, content: Buffer): void {
    this.track(name, (path) => writeFile(path, content));
  }

  override writeAttachmentFromPath(name: string, from: string): void {
    this.track(name, (path) => copyFile(from, path));
  }

  // Every file written so far is on disk; the names of those that could not be written, if any.
  async flush(): Promise<string[]> {
    while (this.pending.size > 0) await Promise.all(this.pending);
    return this.failures;
  }

  private track(name: string, write: (path: string) => Promise<void>): void {
    this.made ??= mkdir(this.dir, { recursive: true });
    const done: Promise<void> = this.made
      .then(() => write(join(this.dir, name)))
      .catch((error: NodeJS.ErrnoException) => {
        this.failures.push(`${name} (${error.code ?? error.message})`);
      })
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }
}
