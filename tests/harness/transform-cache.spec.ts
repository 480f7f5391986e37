import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunPlan } from '../../src/harness/run/run-plan.ts';
import { type TransformHook, warmTransformCache, workerOnlyEntries } from '../fixtures/transform-cache.ts';
import { expect, test } from '../helpers/api-test.ts';

// Playwright's workers never write its compile cache, so the runner compiles what only they load.
// Only each target's mode matters here.
const planOf = (...modes: ('embedded' | 'emulator' | 'tenant')[]): RunPlan =>
  ({ targets: modes.map((mode) => ({ spec: { mode } })) }) as unknown as RunPlan;

function compiled(entries: string[]): Map<string, string | undefined> {
  const seen = new Map<string, string | undefined>();
  const hook: TransformHook = (_code, file, moduleUrl) => seen.set(relative(process.cwd(), file), moduleUrl);
  warmTransformCache(entries, hook);
  return seen;
}

test('an embedded run compiles the emulator and everything it imports, as ES modules', () => {
  const seen = compiled(workerOnlyEntries(planOf('embedded')));
  // Deep in the graph: index -> server -> routes -> auth; and the contract the emulator checks against.
  for (const file of [
    'src/emulator/index.ts',
    'src/emulator/shared-keys.ts',
    'src/emulator/auth/token-issuer.ts',
    'src/emulator/state/machine-action-store.ts',
    'src/contract/index.ts',
  ])
    expect(seen.has(file), file).toBe(true);
  for (const [file, url] of seen) expect(url, file).toBe(pathToFileURL(join(process.cwd(), file)).href);
  expect([...seen.keys()].filter((f) => f.startsWith('src/harness/drivers/'))).toEqual([]);
});

test('a tenant run compiles the tenant driver, a run on a running emulator nothing', () => {
  const tenant = compiled(workerOnlyEntries(planOf('tenant')));
  expect(tenant.has('src/harness/drivers/tenant-driver.ts')).toBe(true);
  expect([...tenant.keys()].filter((f) => f.startsWith('src/emulator/'))).toEqual([]);
  expect(workerOnlyEntries(planOf('emulator'))).toEqual([]);
});

test('a file that cannot be read is passed over and the rest still compiled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warm-'));
  try {
    writeFileSync(
      join(dir, 'a.ts'),
      "import { b } from './b.ts';\nimport './gone.ts';\nexport const a = b;\n",
    );
    writeFileSync(join(dir, 'b.ts'), "export const b = await import('./c.ts');\n");
    writeFileSync(join(dir, 'c.ts'), 'export {};\n');
    const seen: string[] = [];
    const count = warmTransformCache([join(dir, 'a.ts')], (_code, file) => seen.push(file));
    expect(seen.map((f) => relative(dir, f)).sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
    expect(count).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the installed Playwright still offers the compile hook the runner warms its cache with', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warm-'));
  try {
    writeFileSync(join(dir, 'x.ts'), 'export const x: number = 1;\n');
    // 0 would mean the hook is gone: runs still pass, but every worker compiles the emulator again.
    expect(warmTransformCache([join(dir, 'x.ts')])).toBe(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
