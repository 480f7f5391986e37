import { join, posix, win32 } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { getRegistry } from '../../src/contract/index.ts';
import { askedFrom, closestId } from '../../src/contract/unknown-requirement.ts';
import { expect, test } from '../helpers/api-test.ts';
import {
  type InlineRun,
  inlineWorkspace,
  removeWorkspaces,
  runInline,
} from '../reporters/helpers/run-inline.ts';

// An unknown id in req() is a contributor's typo: one line saying where, with the id they meant.
const ids = getRegistry().requirements.map((r) => r.id);

test('a typo one or two edits away from a requirement is answered with it', () => {
  expect(closestId('CANCEL.NOTFUOND', ids)).toBe('CANCEL.NOTFOUND');
  expect(closestId('AUTH.MISING', ids)).toBe('AUTH.MISSING');
  expect(closestId('GET.BADIDD', [...ids, 'GET.BADID'])).toBe('GET.BADID');
  expect(closestId('CANCEL.NOT_FOUND', ids)).toBe('CANCEL.NOTFOUND');
  expect(closestId('cancel.persist', ids)).toBe('CANCEL.PERSIST');
});

test('an id far from every requirement gets no suggestion; a tie goes to the first in the registry', () => {
  // Fixed ids, not the registry's: docs/writing-tests.md has a contributor add GET.BADID, one edit
  // from GET.BADIDD, and npm test must stay green after it.
  const few = ['CANCEL.NOTFOUND', 'AUTH.MISSING', 'RATE.MINUTE', 'SCHEMA.ENTITY'];
  expect(closestId('GET.BADIDD', few)).toBeUndefined();
  expect(closestId('CANCEL.EVERYTHING', few)).toBeUndefined();
  expect(closestId('AB.CX', ['AB.CD', 'AB.CE'])).toBe('AB.CD');
  expect(closestId('AB.CX', ['AB.CE', 'AB.CD'])).toBe('AB.CE');
});

// The frame that asked: past the project's src/, node_modules and Node's own frames, on POSIX and
// Windows alike. Each case: the stack's frames, the repository root, the platform, the answer.
const frameCases: [frames: string[], root: string, paths: typeof posix, asked: string][] = [
  [
    [
      'new UnknownRequirementError (/work/repo/src/contract/unknown-requirement.ts:9:19)',
      'req (file:///work/repo/src/harness/requirements/req.ts:12:3)',
      '/work/repo/node_modules/playwright/lib/common/index.js:5:1',
      'file:///work/repo/tests/conformance/cancel.spec.ts:25:7',
    ],
    '/work/repo',
    posix,
    'tests/conformance/cancel.spec.ts:25',
  ],
  [
    [
      'new UnknownRequirementError (C:\\work\\repo\\src\\contract\\unknown-requirement.ts:9:19)',
      'req (file:///C:/work/repo/src/harness/requirements/req.ts:12:3)',
      'C:\\work\\repo\\node_modules\\playwright\\lib\\common\\index.js:5:1',
      'Object.<anonymous> (C:\\work\\repo\\tests\\conformance\\cancel.spec.ts:25:7)',
    ],
    'C:\\work\\repo',
    win32,
    'tests/conformance/cancel.spec.ts:25',
  ],
  [['file:///C:/work/repo/tests/a.spec.ts:3:1'], 'C:\\work\\repo', win32, 'tests/a.spec.ts:3'],
  // Spaces and parentheses in directory names; Node's own frames and a malformed URL passed over.
  [
    [
      'new UnknownRequirementError (/home/my user/proj (copy)/src/contract/unknown-requirement.ts:9:19)',
      'process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      'file:///home/my%20user/bad%E0.ts:1:1',
      '/home/my user/proj (copy)/tests/a.spec.ts:7:3',
    ],
    '/home/my user/proj (copy)',
    posix,
    'tests/a.spec.ts:7',
  ],
  [
    ['fn (C:\\Users\\John Smith\\repo\\tests\\b.spec.ts:3:1)'],
    'C:\\Users\\John Smith\\repo',
    win32,
    'tests/b.spec.ts:3',
  ],
  [
    ['C:/repo/node_modules/x/y.js:1:1', 'C:/repo/tests/c.spec.ts:2:1'],
    'C:\\repo',
    win32,
    'tests/c.spec.ts:2',
  ],
  // Outside the repository (another drive), the whole path.
  [['D:\\elsewhere\\b.spec.ts:4:2'], 'C:\\work\\repo', win32, 'D:\\elsewhere\\b.spec.ts:4'],
];

test('the asking frame is found in POSIX and Windows stacks, as paths or file URLs', () => {
  for (const [frames, root, paths, asked] of frameCases) {
    const stack = ['Error', ...frames.map((frame) => `    at ${frame}`)].join('\n');
    expect(askedFrom(stack, root, paths), stack).toBe(asked);
  }
});

test('the error is one line naming the file and line that asked, without a stack', () => {
  test.skip(!!process.env.DEBUG, 'DEBUG=1 keeps the stack');
  const error = (() => {
    try {
      getRegistry().get('AUTH.MISING');
    } catch (thrown) {
      return thrown as Error;
    }
  })()!;
  expect(error.message).toMatch(
    /^tests\/contract\/unknown-requirement\.spec\.ts:\d+: Requirement "AUTH\.MISING" is not in specs\/requirements\.yaml\. Did you mean "AUTH\.MISSING"\?$/,
  );
  expect(error.stack).toBe(`Error: ${error.message}`);
});

let run: Promise<InlineRun>;
test.afterAll(() => removeWorkspaces({ run }));

test('a test file with a typo in req() stops the run with that one line, no code frame', async () => {
  test.skip(!!process.env.DEBUG, 'DEBUG=1 keeps the stack');
  const req = join(repoRoot, 'src', 'harness', 'requirements', 'req.ts');
  run = runInline(
    inlineWorkspace({
      'playwright.config.ts': `export default { testDir: '.', reporter: 'list' };`,
      'a.spec.ts': `import { test } from '@playwright/test';\nimport { req } from '${req}';\ntest('t', req('CANCEL.NOTFUOND'), () => {});\n`,
    }),
  );
  const { output, exitCode } = await run;
  expect(exitCode).toBe(1);
  const lines = output
    .split('\n')
    .filter((line) => line.includes('CANCEL.NOTFUOND') || /^\s+(at |>?\s*\d+ \|)/.test(line));
  expect(lines).toEqual([
    expect.stringMatching(
      /^Error: \/.+\/a\.spec\.ts:3: Requirement "CANCEL\.NOTFUOND" is not in specs\/requirements\.yaml\. Did you mean "CANCEL\.NOTFOUND"\?$/,
    ),
  ]);
});
