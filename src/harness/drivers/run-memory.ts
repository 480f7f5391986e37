import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeWhole } from '../../common/write-whole.ts';

// What one worker learnt about a target that every later test of the run, in any worker, should know
// without asking again: kept in a file of the run's results (Playwright replaces a worker after a
// failed test, and the new one starts knowing nothing), under the target's key, as a self-test runs
// many targets. Forgotten when a run starts: an earlier run's answer must be asked again, as the user
// may have fixed its cause.
export class RunMemory<T> {
  constructor(
    private readonly file: string,
    private readonly runId: string,
    private readonly target: string,
  ) {}

  static forget(file: string): void {
    rmSync(file, { force: true });
  }

  get(key: string): T | undefined {
    return this.read().known[this.target]?.[key];
  }

  remember(key: string, value: T): void {
    const saved = this.read();
    saved.known[this.target] = { ...saved.known[this.target], [key]: value };
    mkdirSync(dirname(this.file), { recursive: true });
    writeWhole(this.file, JSON.stringify(saved));
  }

  // A file of another run, or one cut short, holds nothing for this run.
  private read(): { runId: string; known: Record<string, Record<string, T>> } {
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as { runId?: unknown; known?: unknown };
      if (saved.runId === this.runId && typeof saved.known === 'object' && saved.known)
        return { runId: this.runId, known: saved.known as Record<string, Record<string, T>> };
    } catch {}
    return { runId: this.runId, known: {} };
  }
}
