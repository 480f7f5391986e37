import type { CheckedEnvironment } from './check-environment.ts';
import type { ConfigProblems } from './config-problems.ts';
import { schemaOf } from './env-schema.ts';
import { tenantOriginProblem } from './hosts.ts';
import { shownUrl } from './shown-url.ts';

// The URL variables of the configuration (MDE_API_BASE_URL, MDE_AUTH_BASE_URL, MDE_CONTROL_BASE_URL)
// read as origins, each checked as its target mode requires.

// The origin of a variable the schema accepted (trailing "/" dropped), or undefined when unset or bad.
function originOf(c: CheckedEnvironment, name: string, problems: ConfigProblems): string | undefined {
  const value = c.get(name);
  if (value === undefined) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    const why = unparsedOriginReason(value);
    problems.add(
      c.nameOf(name),
      `${why ? `is not a valid origin: ${why}` : schemaOf(name)?.fix} (got ${JSON.stringify(shownUrl(value))})`,
    );
    return undefined;
  }
}

// Why Node cannot parse an origin the pattern let through, where that can be told: the port.
function unparsedOriginReason(value: string): string | undefined {
  const port = /:(\d+)\/?$/.exec(value)?.[1];
  return port !== undefined && Number(port) > 65535 ? `port ${port} is above 65535` : undefined;
}

// A tenant origin also needs https and a documented host, unless it is loopback.
export function tenantOrigin(
  c: CheckedEnvironment,
  name: string,
  kind: 'api' | 'auth',
  problems: ConfigProblems,
): string | undefined {
  return checkedOrigin(c, name, problems, (value) => tenantOriginProblem(value, kind));
}

// An origin the mode's own check accepts too (hosts.ts).
export function checkedOrigin(
  c: CheckedEnvironment,
  name: string,
  problems: ConfigProblems,
  check: (value: string) => string | undefined,
): string | undefined {
  const origin = originOf(c, name, problems);
  const problem = origin && check(c.get(name)!);
  if (problem) problems.add(c.nameOf(name), problem);
  return problem ? undefined : origin;
}
