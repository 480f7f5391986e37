import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { SECRET, scan, workspace, zip } from './leak-workspace.ts';

// How the scan walks the run's directories: through symbolic links, once each, and into zip entries.
test.afterEach(removeTempDirs);

test('symbolic links are followed once each: loops end, and a linked file outside is scanned', () => {
  const { root, env } = workspace();
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'copied.log'), `client_secret=${SECRET}`);
  // Two links to their own directory: walked naively, 2^40 paths before the kernel's link limit.
  symlinkSync('.', join(root, 'reports', 'x'));
  symlinkSync('.', join(root, 'reports', 'y'));
  symlinkSync(join(outside, 'copied.log'), join(root, 'reports', 'linked.log'));
  const { findings } = scan({ root, env });
  expect(findings).toEqual([{ file: 'reports/linked.log', what: 'the value of MDE_CLIENT_SECRET' }]);
});

test('a secret inside a deflated zip entry (a trace) is found and named by entry', () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', `client_secret=${SECRET}`));
  expect(scan({ root, env }).findings).toEqual([
    { file: 'test-results/trace.zip!trace.network', what: 'the value of MDE_CLIENT_SECRET' },
  ]);
});

// The directories docs/interfaces.md names as scanned, each by default: an artefact directory left out
// of the list would be uploaded by CI unread.
test('without a list, every artefact directory of a run is scanned', () => {
  const { root, env } = workspace();
  const dirs = [
    'reports',
    'test-results',
    'allure-results',
    'allure-report',
    'blob-report',
    'playwright-report',
  ];
  for (const dir of dirs) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'leak.log'), `client_secret=${SECRET}`);
  }
  const found = scan({ root, env }).findings.map((f) => f.file);
  expect(found.sort()).toEqual(dirs.map((dir) => `${dir}/leak.log`).sort());
});
