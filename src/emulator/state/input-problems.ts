// Checks of control-protocol input (a request body, or an entry of a seed file) that keep every problem
// with its JSON path ('apps[0].roles[1]'), so one answer or one start names everything to fix at once.
// A request body is the root: its problems read 'roles must ...'; a seed entry's read 'apps[0].roles must ...'.

export type Problems = string[];

// Tenant ids and machine ids end up in URL paths, and the router takes segments up to this long
// (maxParamLength in app.ts): a longer id could be registered but never used.
export const MAX_ID_LENGTH = 500;

// How many problems one answer or one start lists; the rest are counted.
const SHOWN = 20;

export function pathOf(path: string, name: string | number): string {
  if (typeof name === 'number') return `${path}[${name}]`;
  return path ? `${path}.${name}` : name;
}

// What a value is, for the "(got ...)" of a message; strings are quoted and cut short.
export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) ?? 'a string';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number out of range';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'boolean' ? String(value) : typeof value;
}

export function objectAt(
  input: unknown,
  path: string,
  what: string,
  problems: Problems,
): Record<string, unknown> | undefined {
  if (typeof input === 'object' && input !== null && !Array.isArray(input))
    return input as Record<string, unknown>;
  problems.push(`${path || 'The body'} must be a JSON object describing ${what} (got ${shown(input)}).`);
  return undefined;
}

// Members outside a shape are refused, never ignored: a misspelt "statuss" would otherwise seed an
// action in a status its author did not mean, and an "id" that is not honoured looks honoured.
export function onlyMembers(
  body: Record<string, unknown>,
  path: string,
  known: readonly string[],
  problems: Problems,
): void {
  for (const name of Object.keys(body))
    if (!known.includes(name))
      problems.push(`${pathOf(path, name)} is not a member here; it takes ${known.join(', ')}.`);
}

export function textAt(
  body: Record<string, unknown>,
  path: string,
  name: string,
  problems: Problems,
  maxLength = Number.POSITIVE_INFINITY,
): string | undefined {
  const value = body[name];
  // Spaces only (an unset variable in a script's JSON) name nothing either: the API would never match them.
  if (typeof value !== 'string' || value.trim().length === 0) {
    const got = value === undefined ? 'nothing' : shown(value);
    problems.push(`${pathOf(path, name)} must be a non-empty string (got ${got}).`);
    return undefined;
  }
  if (value.length > maxLength) {
    problems.push(`${pathOf(path, name)} must be at most ${maxLength} characters (got ${value.length}).`);
    return undefined;
  }
  return value;
}

// `secret`: the value is a credential (a secret of digits, unquoted), so only its type is named: the
// emulator has no redactor, and the message goes back to the client and to the start-up error.
export function optionalTextAt(
  body: Record<string, unknown>,
  path: string,
  name: string,
  problems: Problems,
  { secret = false } = {},
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  const got = secret ? kindOf(value) : shown(value);
  problems.push(`${pathOf(path, name)} must be a string when given (got ${got}).`);
  return undefined;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function choiceAt<T extends string>(
  body: Record<string, unknown>,
  path: string,
  name: string,
  allowed: readonly T[],
  problems: Problems,
): T | undefined {
  const value = body[name];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const got = value === undefined ? 'nothing' : shown(value);
  problems.push(`${pathOf(path, name)} must be one of ${allowed.join(', ')} (got ${got}).`);
  return undefined;
}

// The problems as lines, at most SHOWN of them, then how many more there are.
export function problemLines(problems: Problems): string[] {
  if (problems.length <= SHOWN) return [...problems];
  return [...problems.slice(0, SHOWN), `... and ${problems.length - SHOWN} more problems.`];
}
