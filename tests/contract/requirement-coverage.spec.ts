import { getRegistry } from '../../src/contract/index.ts';
import { targetOfTest } from '../../src/harness/run/run-plan.ts';
import { expect, test } from '../helpers/api-test.ts';
import { type Listed, listingPlan, listSuite } from './listed-suite.ts';

// The conformance suite as Playwright itself lists it (like Kubernetes' walk.go over its tests): every
// requirement has a test, every test claims its requirements through req(), nobody writes requirement
// tags by hand, and every test is declared through suite(), so it runs once per target.
const PLAN = listingPlan(['a', 'b']);

let listed: readonly Listed[];
// One group, so the beforeAll (a listing: a Playwright run in a child) runs once: in parallel, Playwright
// splits a file with a beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  listed = await listSuite(PLAN);
});

test('every conformance test is declared inside suite(), once per target of the run', () => {
  // The line the compliance reporter makes a suite error of, naming each test declared outside.
  const outside = listed.flatMap((t) => {
    try {
      targetOfTest(PLAN, t.tags, `${t.file}: "${t.title}"`);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
  expect(outside).toEqual([]);
  const titles = (name: string) =>
    listed.filter((t) => t.tags.includes(`@target:${name}`)).map((t) => t.title);
  expect(titles('a').length).toBeGreaterThan(40);
  expect(titles('b')).toEqual(titles('a'));
});

test('every requirement of the registry is claimed by at least one conformance test', () => {
  const claimed = new Set(listed.flatMap((t) => t.requirements));
  const missing = getRegistry()
    .requirements.map((r) => r.id)
    .filter((id) => !claimed.has(id));
  expect(
    missing,
    'requirements no conformance test claims: give each a test with req() (docs/writing-tests.md, step 2)',
  ).toEqual([]);
});

// A title is what a report reader sees of a test: the behaviour a target must show, said in full
// (docs/writing-tests.md), not a name such as "should work" or "cancel test".
test('every conformance test title states a behaviour, not a name', () => {
  const names = listed
    .filter(
      (t) => t.title.trim().split(/\s+/).length < 4 || /^(should|test|check|verify|it)\b/i.test(t.title),
    )
    .map((t) => `${t.file}: ${t.title}`);
  expect([...new Set(names)]).toEqual([]);
});

test('every conformance test claims its requirements through req()', () => {
  const unclaimed = listed.filter((t) => t.requirements.length === 0).map((t) => `${t.file}: ${t.title}`);
  expect(unclaimed).toEqual([]);
});

test('no conformance test writes requirement or level tags by hand', () => {
  const registry = getRegistry();
  const handMade = listed.flatMap((t) => {
    const fromReq = new Set(
      t.requirements.flatMap((id) => [`@${id}`, `@${registry.get(id).level.toLowerCase()}`]),
    );
    return t.tags
      .filter((tag) => !tag.startsWith('@target:') && !fromReq.has(tag))
      .map((tag) => `${t.file}: ${t.title}: ${tag}`);
  });
  expect(handMade).toEqual([]);
});
