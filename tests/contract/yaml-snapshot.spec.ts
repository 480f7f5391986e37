import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlSnapshot } from '../../src/contract/yaml-snapshot.ts';
import { expect, test } from '../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.ts';

let dir: string;
test.beforeEach(() => {
  dir = tempDir('yaml-snapshot-');
});
test.afterEach(removeTempDirs);

const snapshots = () => readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.json'));

test('a YAML file is parsed once and then read back from its snapshot', () => {
  const file = join(dir, 'doc.yaml');
  writeFileSync(file, 'a: 1\nlist: [x, y]\n');
  expect(readYamlSnapshot(file, { dir: join(dir, 'cache') })).toEqual({ a: 1, list: ['x', 'y'] });
  expect(snapshots()).toHaveLength(1);
  // Served from the snapshot: the check does not run again.
  let checks = 0;
  const again = readYamlSnapshot(file, { dir: join(dir, 'cache'), check: () => checks++ });
  expect(again).toEqual({ a: 1, list: ['x', 'y'] });
  expect(checks).toBe(0);
});

test('an edited file is parsed again, never served from the older snapshot', () => {
  const file = join(dir, 'doc.yaml');
  writeFileSync(file, 'a: 1\n');
  readYamlSnapshot(file, { dir: join(dir, 'cache') });
  writeFileSync(file, 'a: 2\n');
  expect(readYamlSnapshot(file, { dir: join(dir, 'cache') })).toEqual({ a: 2 });
});

test('a file that fails its check leaves no snapshot, so it fails again the next time', () => {
  const file = join(dir, 'doc.yaml');
  writeFileSync(file, 'a: 1\n');
  const check = () => {
    throw new Error('a must be 2');
  };
  expect(() => readYamlSnapshot(file, { dir: join(dir, 'cache'), check })).toThrow('a must be 2');
  expect(() => readYamlSnapshot(file, { dir: join(dir, 'cache'), check })).toThrow('a must be 2');
});

test('a change to the file a check reads makes a new snapshot', () => {
  const file = join(dir, 'doc.yaml');
  const schema = join(dir, 'schema.json');
  writeFileSync(file, 'a: 1\n');
  writeFileSync(schema, '{}');
  readYamlSnapshot(file, { dir: join(dir, 'cache'), checkedWith: [schema] });
  writeFileSync(schema, '{"required": ["b"]}');
  let checks = 0;
  readYamlSnapshot(file, { dir: join(dir, 'cache'), checkedWith: [schema], check: () => checks++ });
  expect(checks).toBe(1);
});

test('a snapshot directory that cannot be made costs the saving, not the data', () => {
  const file = join(dir, 'doc.yaml');
  writeFileSync(file, 'a: 1\n');
  // Below a regular file: no directory can be made there, not even by root.
  const cache = join(file, 'cache');
  expect(readYamlSnapshot(file, { dir: cache })).toEqual({ a: 1 });
  expect(readYamlSnapshot(file, { dir: cache })).toEqual({ a: 1 });
});
