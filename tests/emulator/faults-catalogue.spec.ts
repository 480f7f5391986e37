import { readdirSync, readFileSync } from 'node:fs';
import { getRegistry } from '../../src/contract/index.ts';
import { buildApp, FAULT_CATALOGUE } from '../../src/emulator/index.ts';
import { expect, test } from './emulator-fixture.ts';

test.describe('fault catalogue', () => {
  test('holds at least 35 faults with unique names and a description each', () => {
    expect(FAULT_CATALOGUE.length).toBeGreaterThanOrEqual(35);
    expect(new Set(FAULT_CATALOGUE.map((f) => f.name)).size).toBe(FAULT_CATALOGUE.length);
    for (const fault of FAULT_CATALOGUE) expect(fault.description.length, fault.name).toBeGreaterThan(10);
  });

  test('every fault breaks at least one requirement, and only IDs of the registry', () => {
    const registry = getRegistry();
    for (const fault of FAULT_CATALOGUE) {
      expect(fault.breaks.length, fault.name).toBeGreaterThan(0);
      for (const id of fault.breaks)
        expect(registry.has(id), `${fault.name} breaks unknown ${id}`).toBe(true);
    }
  });

  test('every MUST and SHOULD requirement is broken by some fault', () => {
    const broken = new Set<string>(FAULT_CATALOGUE.flatMap((f) => f.breaks));
    const uncovered = getRegistry()
      .requirements.filter((r) => r.level !== 'OBSERVE' && !broken.has(r.id))
      .map((r) => r.id);
    expect(uncovered).toEqual([]);
  });

  test('no fault claims an OBSERVE requirement (those never fail)', () => {
    const observe = new Set(
      getRegistry()
        .requirements.filter((r) => r.level === 'OBSERVE')
        .map((r) => r.id),
    );
    expect(FAULT_CATALOGUE.filter((f) => f.breaks.some((id) => observe.has(id))).map((f) => f.name)).toEqual(
      [],
    );
  });

  test('every fault has a smoke test in tests/emulator', () => {
    const dir = new URL('.', import.meta.url);
    const text = readdirSync(dir)
      .filter((file) => file.startsWith('faults-') && file.endsWith('.spec.ts'))
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n');
    const missing = FAULT_CATALOGUE.filter((f) => !new RegExp(`smoke\\(\\s*'${f.name}'`).test(text)).map(
      (f) => f.name,
    );
    expect(missing).toEqual([]);
  });

  test('an unknown fault is refused with the list of known ones', async () => {
    await expect(buildApp({ faults: ['foo'] })).rejects.toThrow(
      /^Unknown fault "foo"\. Known faults: cancel-new-id, /,
    );
  });

  test('/_emulator/info lists the faults that are on', async () => {
    const app = await buildApp({ faults: ['cancel-new-id', 'rate-hour-absent'] });
    const info = (await app.inject({ method: 'GET', url: '/_emulator/info' })).json();
    expect(info.faults).toEqual(['cancel-new-id', 'rate-hour-absent']);
    await app.close();
  });
});
