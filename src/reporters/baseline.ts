import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../contract/contract-files.ts';
import { getRegistry, type Registry } from '../contract/index.ts';
import { schemaProblems } from './schema-check.ts';
import type { Verdict } from './verdict.ts';

// A target's known deviations (OIDF's expected failures, s3-tests' fails_on_*): selected with
// MDE_BASELINE=<name>, read from baselines/<name>.yaml.
export interface BaselineEntry {
  id: string;
  verdict: Extract<Verdict, 'FAIL' | 'WARN'>;
  reason: string;
  link?: string;
}

export interface Baseline {
  name: string;
  // Relative to the repository root, for messages.
  file: string;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

export function baselinePath(nameOrPath: string): string {
  if (nameOrPath.endsWith('.yaml') || nameOrPath.includes('/')) {
    return isAbsolute(nameOrPath) ? nameOrPath : join(repoRoot, nameOrPath);
  }
  return join(repoRoot, 'baselines', `${nameOrPath}.yaml`);
}

// The baseline named by MDE_BASELINE, or undefined when none is set.
export function loadSelectedBaseline(env: NodeJS.ProcessEnv = process.env): Baseline | undefined {
  const name = env.MDE_BASELINE?.trim();
  return name ? loadBaseline(name) : undefined;
}

export function loadBaseline(nameOrPath: string, registry: Registry = getRegistry()): Baseline {
  const path = baselinePath(nameOrPath);
  const file = relative(repoRoot, path) || path;
  if (!existsSync(path)) throw new BaselineError(`MDE_BASELINE=${nameOrPath}: ${file} does not exist.`);
  return parseBaseline(readFileSync(path, 'utf8'), file, registry);
}

export function parseBaseline(text: string, file: string, registry: Registry = getRegistry()): Baseline {
  const data = (parse(text) as unknown) ?? [];
  const problems = schemaProblems('baseline.schema.json', data);
  if (problems.length > 0) throw new BaselineError(`${file} is not a valid baseline: ${problems.join('; ')}`);
  const entries = data as BaselineEntry[];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!registry.has(entry.id))
      throw new BaselineError(`${file}: ${entry.id} is not a requirement of specs/requirements.yaml.`);
    if (seen.has(entry.id)) throw new BaselineError(`${file}: ${entry.id} is listed twice.`);
    seen.add(entry.id);
    const level = registry.get(entry.id).level;
    const possible = level === 'MUST' ? 'FAIL' : level === 'SHOULD' ? 'WARN' : undefined;
    if (entry.verdict !== possible)
      throw new BaselineError(
        `${file}: ${entry.id} is a ${level} requirement, so it cannot have verdict ${entry.verdict}` +
          (possible ? ` (use ${possible}).` : ' (OBSERVE requirements never deviate).'),
      );
  }
  const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  return { name, file, entries };
}
