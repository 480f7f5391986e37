import { ConfigError, type ConfigProblem } from '../errors.ts';

// Collects every configuration problem, one line each, so that one run names them all.
export class ConfigProblems {
  private readonly list: ConfigProblem[] = [];

  add(variable: string, problem: string): void {
    this.list.push({ variable, problem });
  }

  throwIfAny(): void {
    if (this.list.length) throw new ConfigError(this.list);
  }
}
