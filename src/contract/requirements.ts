import { join } from 'node:path';
import { requirementsPath, schemasDir } from './contract-files.ts';
import { formatViolations, validateAgainst } from './schema-registry.ts';
import { UnknownRequirementError } from './unknown-requirement.ts';
import { parseYaml, readYamlSnapshot } from './yaml-snapshot.ts';

export type Level = 'MUST' | 'SHOULD' | 'OBSERVE';
export type TargetMode = 'embedded' | 'emulator' | 'tenant';
export type Area = 'cancel' | 'auth' | 'permissions' | 'headers' | 'rate-limits' | 'schema';

// A requirement id that the registry knows: only registry lookups and req() make one, so a typo in a
// test or a reporter fails when the file loads, not in a report.
export type RequirementId = string & { readonly __brand: 'RequirementId' };

export interface Requirement {
  id: RequirementId;
  level: Level;
  area: Area;
  statement: string;
  source: { kind: 'documented' | 'observed' | 'inferred'; ref: string; doc: string };
  // true, the condition under which the requirement can be exercised on that target, or why no run
  // on such a target can judge it.
  targets: Record<TargetMode, true | string | { never: string }>;
  // Resolved documentation link of source.doc.
  docUrl: string;
}

// Why no run on this kind of target can judge the requirement (an expired token on a tenant needs an
// hour of real time), or undefined where some run can.
export function neverJudgedOn(requirement: Requirement, mode: TargetMode): string | undefined {
  const applies = requirement.targets[mode];
  return typeof applies === 'object' ? applies.never : undefined;
}

export interface Registry {
  requirements: readonly Requirement[];
  get(id: string): Requirement;
  has(id: string): id is RequirementId;
}

type RegistryData = { docs: Record<string, string>; requirements: Omit<Requirement, 'docUrl'>[] };

const SCHEMA = 'requirement-registry.schema.json';
let loaded: Registry | undefined;

export function getRegistry(): Registry {
  // The snapshot holds the file only once it has passed its schema (yaml-snapshot.ts).
  loaded ??= registryOf(
    readYamlSnapshot(requirementsPath, { check: checkShape, checkedWith: [join(schemasDir, SCHEMA)] }),
  );
  return loaded;
}

export function parseRegistry(text: string): Registry {
  const data = parseYaml(text);
  checkShape(data);
  return registryOf(data);
}

function checkShape(data: unknown): void {
  const check = validateAgainst(SCHEMA, data);
  if (!check.valid)
    throw new Error(`specs/requirements.yaml is invalid:\n${formatViolations(check.violations)}`);
}

function registryOf(parsed: unknown): Registry {
  const data = parsed as RegistryData;
  const seen = new Set<string>();
  const requirements = data.requirements.map((r) => {
    if (seen.has(r.id)) throw new Error(`specs/requirements.yaml lists ${r.id} twice; IDs must be unique.`);
    seen.add(r.id);
    const docUrl = data.docs[r.source.doc];
    if (!docUrl)
      throw new Error(
        `${r.id}: source.doc "${r.source.doc}" is not a key of docs in specs/requirements.yaml.`,
      );
    return { ...r, docUrl };
  });
  const byId = new Map<string, Requirement>(requirements.map((r) => [r.id, r]));
  return {
    requirements,
    has: (id): id is RequirementId => byId.has(id),
    get(id) {
      const found = byId.get(id);
      if (!found) throw new UnknownRequirementError(id, [...byId.keys()]);
      return found;
    },
  };
}
