import { test as base } from '@playwright/test';

// Playwright's `test` without its browser set-up, for a project that never opens a browser. Before
// every test Playwright sets up its browser context options and trace recording as fixtures, about 75
// steps a test; each step costs a source-mapped stack trace of 50 frames at set-up and again at
// teardown, and the reports hid them anyway. An override must repeat Playwright's auto mode, which its
// public types do not name.
const PLAYWRIGHT_AUTO = 'all-hooks-included' as unknown as true;

export const test = base.extend<{ _setupArtifacts: undefined; _setupContextOptions: undefined }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  _setupArtifacts: [async ({}, use) => use(undefined), { auto: PLAYWRIGHT_AUTO, box: 'self' }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  _setupContextOptions: [async ({}, use) => use(undefined), { auto: PLAYWRIGHT_AUTO, box: 'self' }],
});

export { expect } from '@playwright/test';
