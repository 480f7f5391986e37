import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRegistry } from '../../../src/contract/index.ts';
import { buildApp, FAULT_CATALOGUE } from '../../../src/emulator/index.ts';
import { expect, test } from '../emulator-fixture.ts';
import { testKeys } from '../test-keys.ts';

const SEAMS = ['auth', 'throttle', 'request', 'store', 'answer', 'route', 'wire'];
const errorsOf = (fault: (typeof FAULT_CATALOGUE)[number]) => ('errors' in fault ? fault.errors : []);
const SRC = fileURLToPath(new URL('../../../src/emulator/', import.meta.url));

test.describe('fault catalogue', () => {
  test('holds at least 38 faults with unique names, a seam and a description each', () => {
    expect(FAULT_CATALOGUE.length).toBeGreaterThanOrEqual(38);
    expect(new Set(FAULT_CATALOGUE.map((f) => f.name)).size).toBe(FAULT_CATALOGUE.length);
    for (const fault of FAULT_CATALOGUE) {
      expect(SEAMS, fault.name).toContain(fault.seam);
      expect(fault.description.length, fault.name).toBeGreaterThan(10);
    }
  });

  test('every fault turns at least one requirement, and only IDs of the registry', () => {
    const registry = getRegistry();
    for (const fault of FAULT_CATALOGUE) {
      const turned = [...fault.breaks, ...errorsOf(fault)];
      expect(turned.length, fault.name).toBeGreaterThan(0);
      for (const id of turned) expect(registry.has(id), `${fault.name} names unknown ${id}`).toBe(true);
    }
  });

  test('wire faults turn rows to ERROR only; the other seams never do', () => {
    for (const fault of FAULT_CATALOGUE) {
      if (fault.seam === 'wire')
        expect([fault.breaks.length, errorsOf(fault).length > 0], fault.name).toEqual([0, true]);
      else expect(errorsOf(fault), fault.name).toEqual([]);
    }
  });

  test('every MUST and SHOULD requirement is broken by some fault', () => {
    const broken = new Set<string>(FAULT_CATALOGUE.flatMap((f) => f.breaks));
    const uncovered = getRegistry()
      .requirements.filter((r) => r.level !== 'OBSERVE' && !broken.has(r.id))
      .map((r) => r.id);
    expect(
      uncovered,
      'MUST and SHOULD requirements no fault breaks: add a fault naming each in `breaks` (docs/writing-tests.md, step 3)',
    ).toEqual([]);
  });

  // A seam's file grown near 200 lines is split by kind (answer-faults.ts, read-answer-faults.ts, ...):
  // a new file's entries exist only once catalogue.ts spreads its array, and nothing else would say so
  // (tsc takes an unused export, and another fault may already break the same requirements).
  test('every fault array of src/emulator/faults/ is spread into the catalogue', async () => {
    const known = new Set<string>(FAULT_CATALOGUE.map((f) => f.name));
    const offences: string[] = [];
    for (const file of readdirSync(`${SRC}faults/`).filter((f) => f.endsWith('.ts'))) {
      const module = (await import(`${SRC}faults/${file}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        const entries = Array.isArray(value) ? (value as { name?: unknown; seam?: unknown }[]) : [];
        const missing = entries.filter((e) => typeof e?.seam === 'string' && !known.has(String(e.name)));
        if (missing.length > 0)
          offences.push(
            `src/emulator/faults/${file}: ${name} (${missing.map((e) => e.name).join(', ')}) is not spread into FAULT_CATALOGUE in catalogue.ts`,
          );
      }
    }
    expect(offences, 'add each array to FAULT_CATALOGUE (src/emulator/faults/catalogue.ts)').toEqual([]);
  });

  test('no fault claims an OBSERVE requirement (those never fail)', () => {
    const observe = new Set<string>(
      getRegistry()
        .requirements.filter((r) => r.level === 'OBSERVE')
        .map((r) => r.id),
    );
    expect(FAULT_CATALOGUE.filter((f) => f.breaks.some((id) => observe.has(id))).map((f) => f.name)).toEqual(
      [],
    );
  });

  test('no fault name appears in the emulator outside the catalogue (faults act only at seams)', () => {
    const offences: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(`${dir}${entry.name}/`)
          : entry.name.endsWith('.ts')
            ? [`${dir}${entry.name}`]
            : [],
      );
    for (const file of walk(SRC).filter((f) => !f.includes('/faults/'))) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('faults.has(')) offences.push(`${relative(SRC, file)}: faults.has(`);
      for (const fault of FAULT_CATALOGUE)
        if (text.includes(`'${fault.name}'`)) offences.push(`${relative(SRC, file)}: '${fault.name}'`);
    }
    expect(offences).toEqual([]);
  });

  test('an unknown fault is refused, pointing to the list of known ones', async () => {
    await expect(buildApp({ faults: ['foo'] })).rejects.toThrow(
      /^faults names unknown fault foo; `npm run emulator -- --list-faults` lists all \d+/,
    );
  });

  test('/_emulator/info lists the faults that are on', async () => {
    const app = await buildApp({ faults: ['cancel-new-id', 'rate-hour-absent'] }, await testKeys());
    const info = (await app.inject({ method: 'GET', url: '/_emulator/info' })).json();
    expect(info.faults).toEqual(['cancel-new-id', 'rate-hour-absent']);
    await app.close();
  });
});
