import type { ControlActionSeed } from '../../contract/index.ts';
import { readAction } from './action-input.ts';
import { readApp } from './app-input.ts';
import type { AppRegistration } from './app-registry.ts';
import { type Problems, pathOf, shown } from './input-problems.ts';
import { readMachine } from './machine-input.ts';
import type { Machine } from './machine-registry.ts';

// What the emulator loads at start and after each reset (`--seed FILE`, option `seed`): the shapes of
// the control protocol, checked by the same readers as POST /_emulator/apps, /machines, /machineactions.
export interface Seed {
  apps?: AppRegistration[];
  machines?: Machine[];
  actions?: ControlActionSeed[];
}

const MEMBERS = ['apps', 'machines', 'actions'] as const;

// Every problem of the document, each with its JSON path; the seed is usable only when there are none.
export function readSeedDocument(input: unknown): { seed: Seed; problems: Problems } {
  const problems: Problems = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(
      `the seed must be a JSON object {"apps": [...], "machines": [...], "actions": [...]} (got ${shown(input)}).`,
    );
    return { seed: {}, problems };
  }
  const document = input as Record<string, unknown>;
  // A misspelt member would otherwise leave the emulator silently empty.
  for (const name of Object.keys(document))
    if (!(MEMBERS as readonly string[]).includes(name))
      problems.push(
        `${JSON.stringify(name)} is not a member of a seed; its members are ${MEMBERS.join(', ')}.`,
      );
  const apps = entries(document, 'apps', readApp, problems);
  once(apps, (app) => `clientId ${JSON.stringify(app.clientId)}`, problems);
  const machines = entries(document, 'machines', readMachine, problems);
  once(machines, (machine) => `id ${JSON.stringify(machine.id)}`, problems);
  const actions = entries(document, 'actions', readAction, problems);
  const values = <T>(list: Entry<T>[]) => list.map((entry) => entry.value);
  const seed: Seed = { apps: values(apps), machines: values(machines), actions: values(actions) };
  return { seed, problems };
}

interface Entry<T> {
  path: string;
  value: T;
}

function entries<T>(
  document: Record<string, unknown>,
  name: string,
  read: (input: unknown, problems: Problems, path: string) => T | undefined,
  problems: Problems,
): Entry<T>[] {
  const value = document[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name} must be an array (got ${shown(value)}).`);
    return [];
  }
  return value.flatMap((input, index) => {
    const path = pathOf(name, index);
    const entry = read(input, problems, path);
    return entry === undefined ? [] : [{ path, value: entry }];
  });
}

// Two entries for one app or one device (ids compare without case): the second would silently
// replace the first.
function once<T extends { tenantId: string }>(
  list: Entry<T>[],
  label: (entry: T) => string,
  problems: Problems,
) {
  const seen = new Map<string, string>();
  for (const { path, value } of list) {
    const key = `${value.tenantId}/${label(value).toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, path);
    else
      problems.push(`${path} repeats ${label(value)} of tenant ${value.tenantId} from ${first}; keep one.`);
  }
}
