import { getRegistry, type Level } from '../../contract/index.ts';
import { type Annotation, findingsOf } from '../../harness/evidence/finding.ts';

// Allure's behaviour tree follows the contract, not the file layout: epic = area, feature =
// requirement, story = test. Severity follows the level, so the Allure quality gate (allurerc.mjs)
// can fail on MUST failures alone.
const SEVERITY: Record<Level, string> = { MUST: 'critical', SHOULD: 'normal', OBSERVE: 'trivial' };

export interface AllureLabel {
  name: string;
  value: string;
}

export interface AllureMetadata {
  labels: AllureLabel[];
  links: { url: string; name: string }[];
}

// What a test claiming these requirements is labelled with (src/reporters/allure/allure-reporter.ts adds it).
export function allureMetadataFor(requirementIds: string[], title: string, target?: string): AllureMetadata {
  const registry = getRegistry();
  const labels: AllureLabel[] = [{ name: 'story', value: title }];
  if (target !== undefined) labels.push({ name: 'target', value: target });
  const links: AllureMetadata['links'] = [];
  for (const id of requirementIds.filter((id) => registry.has(id))) {
    const requirement = registry.get(id);
    labels.push(
      { name: 'epic', value: requirement.area },
      { name: 'feature', value: `${requirement.id} ${requirement.statement}` },
      { name: 'severity', value: SEVERITY[requirement.level] },
      { name: 'requirement', value: requirement.id },
    );
    links.push({ url: requirement.docUrl, name: `${requirement.id}: documentation` });
  }
  return { labels: dedupe(labels), links };
}

// Findings are annotations added at run time, which allure-playwright does not show: a step each
// makes them visible on the test's Allure page. (Readings of open points, several per exchange, go to
// reports/observed-profile.json instead.)
export function findingSteps(annotations: readonly Annotation[]): string[] {
  const steps: string[] = [];
  for (const f of findingsOf(annotations)) {
    if (f.kind === 'violation' || f.kind === 'observed') steps.push(`${f.kind} ${f.id}: ${f.text}`);
    else if (f.kind === 'no-verdict') steps.push(`no verdict: ${f.text}`);
    else if (f.kind === 'unchecked') steps.push(`not checked: ${f.text}`);
  }
  return steps;
}

function dedupe(labels: AllureLabel[]): AllureLabel[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const key = `${l.name}\u0000${l.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
