import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precompiledValidators, type ValidatorSource } from '../../src/contract/precompiled-validators.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

const ID = 'https://example.test/when.schema.json';
const source = (
  extra: object = {},
  options: object = { strict: true, allErrors: true },
): ValidatorSource => ({
  schemas: [
    {
      id: ID,
      text: JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: ID,
        type: 'object',
        required: ['at'],
        properties: { at: { type: 'string', format: 'date-time' }, ...extra },
      }),
    },
  ],
  options,
  formats: true,
});

let dir: string;
test.beforeEach(() => {
  dir = tempDir('validators-');
});
test.afterEach(removeTempDirs);

const entries = () => readdirSync(dir).filter((f) => f.endsWith('.cjs'));
// An entry whose validator refuses everything: served from the cache, it gives itself away.
const tamper = (file: string) =>
  writeFileSync(join(dir, file), `exports[${JSON.stringify(ID)}] = () => false;`);

test('validators compiled once are loaded from the cache and judge exactly as the compiled ones', () => {
  const compiled = precompiledValidators(source(), dir).get(ID)!;
  expect(entries()).toHaveLength(1);
  const loaded = precompiledValidators(source(), dir).get(ID)!;
  expect(loaded).not.toBe(compiled);
  for (const data of [{ at: '2026-12-02T10:00:00Z' }, { at: 'yesterday' }, {}, { at: 5 }]) {
    expect(loaded(data)).toBe(compiled(data));
    expect(loaded.errors ?? null).toEqual(compiled.errors ?? null);
  }
  expect(loaded({ at: 'yesterday' })).toBe(false);
  expect(loaded.errors?.[0]).toMatchObject({ keyword: 'format', instancePath: '/at' });
});

test('a cache entry is read, not compiled again', () => {
  precompiledValidators(source(), dir);
  tamper(entries()[0]!);
  expect(precompiledValidators(source(), dir).get(ID)!({ at: '2026-12-02T10:00:00Z' })).toBe(false);
});

test('an edited schema compiles anew instead of loading the older validators', () => {
  precompiledValidators(source(), dir);
  tamper(entries()[0]!);
  const validate = precompiledValidators(source({ note: { type: 'string' } }), dir).get(ID)!;
  expect(validate({ at: '2026-12-02T10:00:00Z' })).toBe(true);
  expect(validate({ at: '2026-12-02T10:00:00Z', note: 1 })).toBe(false);
  expect(entries()).toHaveLength(2);
});

test('other Ajv options compile anew: they decide the code as much as the schema does', () => {
  const note = { note: { type: 'string' } };
  const all = precompiledValidators(source(note, { strict: true, allErrors: true }), dir).get(ID)!;
  const first = precompiledValidators(source(note, { strict: true, allErrors: false }), dir).get(ID)!;
  expect(entries()).toHaveLength(2);
  // Two faults: allErrors reports both, without it Ajv stops at the first.
  expect(all({ at: 5, note: 1 })).toBe(false);
  expect(first({ at: 5, note: 1 })).toBe(false);
  expect(all.errors).toHaveLength(2);
  expect(first.errors).toHaveLength(1);
});

test('a cache that cannot be written still gives working validators', () => {
  const validators = precompiledValidators(source(), join(dir, 'missing', '\0'));
  expect(validators.get(ID)!({ at: 'now' })).toBe(false);
});

test("a schema's $defs entries come compiled and are served from the cache, so no process needs Ajv for them", () => {
  const withDefs: ValidatorSource = {
    ...source(),
    schemas: [
      {
        id: ID,
        text: JSON.stringify({
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: ID,
          $defs: {
            stamp: { type: 'string', format: 'date-time' },
            'a/b': { type: 'integer' },
            // Strict mode refuses this fragment alone: it is left to run-time compilation, as before.
            part: { required: ['x'] },
          },
          type: 'object',
          properties: { at: { $ref: '#/$defs/stamp' } },
        }),
      },
    ],
  };
  const ref = `${ID}#/$defs/stamp`;
  const compiled = precompiledValidators(withDefs, dir);
  expect(entries()).toHaveLength(1);
  expect([...compiled.keys()]).toEqual([ID, ref, `${ID}#/$defs/a~1b`]);
  const loaded = precompiledValidators(withDefs, dir);
  expect(entries()).toHaveLength(1);
  expect([...loaded.keys()]).toEqual([...compiled.keys()]);
  expect(loaded.get(ref)).not.toBe(compiled.get(ref));
  for (const data of ['2026-12-02T10:00:00Z', 'yesterday', 5]) {
    expect(loaded.get(ref)!(data)).toBe(compiled.get(ref)!(data));
    expect(loaded.get(ref)!.errors ?? null).toEqual(compiled.get(ref)!.errors ?? null);
  }
  expect(loaded.get(ref)!('yesterday')).toBe(false);
  expect(loaded.get(`${ID}#/$defs/a~1b`)!(3)).toBe(true);
});
