import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// Imports run one way (docs/architecture.md). Like Playwright's DEPS.list, each folder says what it
// may not reach; a violation names the file and the import.
const RULES: { folder: string; forbidden: string[]; except?: string[] }[] = [
  // The runtime pieces every side needs stand on Node alone: not even the contract.
  {
    folder: 'src/common',
    forbidden: [
      'src/contract',
      'src/emulator',
      'src/harness',
      'src/reporters',
      'src/selftest',
      'tests',
      'scripts',
    ],
  },
  {
    folder: 'src/contract',
    forbidden: ['src/emulator', 'src/harness', 'src/reporters', 'src/selftest', 'tests', 'scripts'],
  },
  { folder: 'src/emulator', forbidden: ['src/harness', 'src/reporters', 'src/selftest', 'tests', 'scripts'] },
  { folder: 'src/harness', forbidden: ['src/emulator', 'src/reporters', 'src/selftest', 'tests', 'scripts'] },
  // A driver a kind of target: the tenant's never reaches for the control protocol, and the emulator's
  // never spends a tenant's quota or writes its ledgers.
  { folder: 'src/harness/drivers/emulator', forbidden: ['src/harness/drivers/tenant'] },
  { folder: 'src/harness/drivers/tenant', forbidden: ['src/harness/drivers/emulator'] },
  { folder: 'src/reporters', forbidden: ['src/emulator', 'src/selftest', 'tests', 'scripts'] },
  // The self-test sits on top beside the reporters: it starts emulators and reads reports, but never
  // drives the harness (the suite does, through Playwright, as for any target).
  { folder: 'src/selftest', forbidden: ['src/harness', 'tests', 'scripts'] },
  // The second emulator is written from the public interface only: nothing of the reference one.
  {
    folder: 'src/selftest/independent-emulator',
    forbidden: [
      'src/emulator',
      'src/harness',
      'src/reporters',
      'src/selftest/rehearsal',
      'src/selftest/calibration',
    ],
  },
  // Tests reach an emulator through HTTP; only the embedded launcher may start one.
  { folder: 'tests/conformance', forbidden: ['src/emulator', 'src/selftest', 'src/reporters'] },
  {
    folder: 'tests/fixtures',
    forbidden: ['src/emulator', 'src/selftest', 'src/reporters'],
    // Starting the embedded emulators (and the keys they share).
    except: ['src/emulator/index.ts', 'src/emulator/shared-keys.ts'],
  },
  // Unit tests of a part import that part and what it stands on, never an emulator to drive.
  { folder: 'tests/contract', forbidden: ['src/emulator', 'src/reporters', 'src/selftest'] },
  // The common pieces' tests may read a user's file through the harness to see the line a user gets.
  { folder: 'tests/common', forbidden: ['src/emulator', 'src/reporters', 'src/selftest'] },
  { folder: 'tests/harness', forbidden: ['src/emulator', 'src/reporters', 'src/selftest'] },
  // The emulator's tests drive it over HTTP or in-process; the one exception holds a profile file's
  // size limit to the same line in the emulator and in the run's configuration.
  {
    folder: 'tests/emulator',
    forbidden: ['src/harness', 'src/reporters', 'src/selftest'],
    except: ['src/harness/config/profile-file.ts'],
  },
  { folder: 'tests/reporters', forbidden: ['src/emulator', 'src/selftest'] },
  // The self-test's own tests start the emulators it compares (tests/emulator tests the emulator).
  { folder: 'tests/selftest', forbidden: ['src/harness'] },
];

function sourceFiles(dir: string): string[] {
  const abs = join(repoRoot, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(repoRoot, path));
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `from '...'`, `import('...')`, and a bare `import '...'` run for its effect.
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(repoRoot, resolve(file, '..', s)));
}

for (const rule of RULES) {
  test(`${rule.folder} does not import ${rule.forbidden.join(', ')}`, () => {
    const offences: string[] = [];
    for (const file of sourceFiles(rule.folder)) {
      for (const target of importsOf(file)) {
        if (rule.except?.includes(target)) continue;
        if (rule.forbidden.some((f) => target === f || target.startsWith(`${f}/`))) {
          offences.push(`${relative(repoRoot, file)} imports ${target}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });
}

// docs/writing-tests.md: a conformance test's one import of ours is the fixtures' index.
test('tests/conformance imports nothing of ours but tests/fixtures/index.ts', () => {
  const offences = sourceFiles('tests/conformance').flatMap((file) =>
    importsOf(file)
      .filter((target) => target !== 'tests/fixtures/index.ts')
      .map((target) => `${relative(repoRoot, file)} imports ${target}`),
  );
  expect(offences).toEqual([]);
});

// Its `expect` too: Playwright's own lacks the contract matchers (toHaveStatus, toMatchContract, ...)
// and the reasons they record, and its `test` the suite's fixtures. Types may come from Playwright.
test('tests/conformance takes test and expect from tests/fixtures/index.ts, not from Playwright', () => {
  const offences = sourceFiles('tests/conformance').flatMap((file) => {
    const statements = readFileSync(file, 'utf8').match(
      /^\s*import\b[^;]*?from\s+['"]@?playwright\/test['"]/gm,
    );
    return (statements ?? [])
      .filter((statement) => !/^\s*import\s+type\b/.test(statement))
      .map(
        () =>
          `${relative(repoRoot, file)} imports @playwright/test: take test and expect from ../fixtures/index.ts`,
      );
  });
  expect(offences).toEqual([]);
});
