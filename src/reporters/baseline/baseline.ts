import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { readUserFile, UserFileError } from '../../common/regular-file.ts';
import { withoutBom } from '../../common/user-json.ts';
import { repoRoot } from '../../contract/contract-files.ts';
import { getRegistry, parseYaml, type Registry } from '../../contract/index.ts';
import { type Env, readEnv } from '../../harness/config/read-env.ts';
import { scrub } from '../compliance/scrub.ts';
import type { Verdict } from '../compliance/verdict.ts';
import { baselineShapeProblems } from './baseline-shape.ts';

// A target's known deviations (OIDF's expected failures, s3-tests' fails_on_*): selected with
// MDE_BASELINE=<name> (environment or .env), read from baselines/<name>.yaml.
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

// Printed as it is by the scripts, beside the configuration errors: scrubbed as they are redacted, so a
// secret pasted into MDE_BASELINE too (it names the file) is not printed.
class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(message: string) {
    super(scrub(message));
  }
}

function baselinePath(nameOrPath: string): string {
  if (nameOrPath.endsWith('.yaml') || nameOrPath.includes('/')) {
    return isAbsolute(nameOrPath) ? nameOrPath : join(repoRoot, nameOrPath);
  }
  return join(repoRoot, 'baselines', `${nameOrPath}.yaml`);
}

// The baseline named by MDE_BASELINE, or undefined when none is set. Read as the configuration is:
// the environment over .env.
export function loadSelectedBaseline(env: Env = readEnv()): Baseline | undefined {
  const name = env.MDE_BASELINE?.trim();
  return name ? loadBaseline(name) : undefined;
}

// The one line that says what is wrong with the selected baseline, or undefined: checked before the
// tests start (scripts/conformance-checks.ts), so a typo costs seconds rather than a whole tenant run.
export function selectedBaselineProblem(env: Env = readEnv()): string | undefined {
  try {
    loadSelectedBaseline(env);
    return undefined;
  } catch (error) {
    if (error instanceof BaselineError) return `${error.name}: ${error.message}`;
    throw error;
  }
}

export function loadBaseline(nameOrPath: string, registry: Registry = getRegistry()): Baseline {
  const path = baselinePath(nameOrPath);
  // Relative inside the repository; outside it as given ("../.." named /tmp to a user of /tmp).
  const inside = relative(repoRoot, path);
  const file = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
  if (!existsSync(path))
    throw new BaselineError(
      `MDE_BASELINE=${nameOrPath}: ${file} does not exist; name a file of baselines/ without .yaml (e.g. example-tenant) or give a path to one.`,
    );
  let text: string;
  try {
    text = readUserFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UserFileError)
      throw new BaselineError(`MDE_BASELINE=${nameOrPath}: ${file}: ${error.problem}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(
      code === 'EISDIR'
        ? `MDE_BASELINE=${nameOrPath}: ${file} is a directory; name a baseline file (.yaml) in it or elsewhere.`
        : `MDE_BASELINE=${nameOrPath}: ${file} cannot be read (${code ?? 'error'}).`,
    );
  }
  return parseBaseline(text, file, registry);
}

export function parseBaseline(text: string, file: string, registry: Registry = getRegistry()): Baseline {
  let data: unknown;
  try {
    data = parseYaml(withoutBom(text)) ?? [];
  } catch (error) {
    throw new BaselineError(`${file} is not valid YAML: ${yamlProblem(error)}`);
  }
  const problems = baselineShapeProblems(data);
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
        `${file}: ${entry.id} is ${level === 'OBSERVE' ? 'an' : 'a'} ${level} requirement, so it cannot have verdict ${entry.verdict}` +
          (possible ? ` (use ${possible}).` : ' (OBSERVE requirements never deviate).'),
      );
  }
  const name = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  return { name, file, entries };
}

// The YAML parser's message spans lines: "<what> at line 3, column 1:" and a code frame. Its first line
// alone ends on a dangling colon; the line says what is wrong, then where.
function yamlProblem(error: unknown): string {
  const first = String((error as Error).message).split('\n')[0]!;
  const where = /^(.*?) at line (\d+), column (\d+):?$/.exec(first);
  if (where) return `${where[1]} (line ${where[2]}, column ${where[3]})`;
  return first.replace(/:$/, '');
}
