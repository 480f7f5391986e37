import type { TestInfo } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { getRegistry, type Level } from '../contract/index.ts';
import { findingsOf } from '../harness/evidence/finding.ts';

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

// Pure: what a test claiming these requirements is labelled with.
export function allureMetadataFor(requirementIds: string[], title: string, target: string): AllureMetadata {
  const registry = getRegistry();
  const labels: AllureLabel[] = [
    { name: 'story', value: title },
    { name: 'target', value: target },
  ];
  const links: AllureMetadata['links'] = [];
  for (const id of requirementIds.filter((id) => registry.has(id))) {
    const requirement = registry.get(id);
    labels.push(
      { name: 'epic', value: requirement.area },
      { name: 'feature', value: `${requirement.id} ${requirement.statement}` },
      { name: 'severity', value: SEVERITY[requirement.level] },
      { name: 'requirement', value: requirement.id },
      { name: 'tag', value: requirement.level.toLowerCase() },
    );
    links.push({ url: requirement.docUrl, name: `${requirement.id}: documentation` });
  }
  return { labels: dedupe(labels), links };
}

// Applies the labels from inside a test (a fixture). Does nothing when allure-playwright is not one of
// the run's reporters, so the project's own test runs carry no Allure messages.
export async function applyAllureLabels(testInfo: TestInfo, target: string): Promise<void> {
  if (!usesAllure(testInfo)) return;
  const ids = testInfo.annotations.filter((a) => a.type === 'requirement').map((a) => a.description ?? '');
  const { labels, links } = allureMetadataFor(ids, testInfo.title, target);
  // Two runtime messages per test, whatever its requirements: each is an attachment and a step.
  await allure.labels(...labels);
  if (links.length > 0) await allure.links(...links);
}

// After the test: findings are annotations added at run time, which allure-playwright does not show;
// a step each makes them visible on the test's Allure page. (Readings of open points, several per
// exchange, go to reports/observed-profile.json instead.)
export async function applyAllureFindings(testInfo: TestInfo): Promise<void> {
  if (!usesAllure(testInfo)) return;
  for (const f of findingsOf(testInfo.annotations)) {
    if (f.kind === 'violation' || f.kind === 'observed') await allure.logStep(`${f.kind} ${f.id}: ${f.text}`);
    else if (f.kind === 'no-verdict') await allure.logStep(`no verdict: ${f.text}`);
  }
}

function usesAllure(testInfo: TestInfo): boolean {
  return testInfo.config.reporter.some(([name]) => name.includes('allure-playwright'));
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
