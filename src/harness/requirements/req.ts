import { getRegistry, type Level } from '../../contract/index.ts';

export interface RequirementDetails {
  tag: string[];
  annotation: { type: 'requirement'; description: string }[];
}

const LEVEL_TAG: Record<Level, string> = { MUST: '@must', SHOULD: '@should', OBSERVE: '@observe' };

// Test details claiming requirements: test('title', req('CANCEL.OK'), async (...) => ...).
// An unknown ID throws while the file loads, with a suggestion when one is close.
export function req(...ids: string[]): RequirementDetails {
  if (ids.length === 0)
    throw new Error('req() needs at least one requirement ID from specs/requirements.yaml.');
  const registry = getRegistry();
  const tags = new Set<string>();
  const annotation: RequirementDetails['annotation'] = [];
  for (const id of ids) {
    const requirement = registry.get(id);
    tags.add(`@${requirement.id}`);
    tags.add(LEVEL_TAG[requirement.level]);
    annotation.push({ type: 'requirement', description: requirement.id });
  }
  return { tag: [...tags], annotation };
}
