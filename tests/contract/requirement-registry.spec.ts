import { readFileSync } from 'node:fs';
import { requirementsPath } from '../../src/contract/contract-files.ts';
import { getRegistry, parseRegistry } from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// The IDs and levels that users' pipelines depend on (docs/interfaces.md#requirement-ids). They may never be
// renamed or re-levelled; new requirements may be added.
const PUBLIC_REQUIREMENTS: Record<string, string> = {
  'CANCEL.OK': 'MUST',
  'CANCEL.STATUS': 'MUST',
  'CANCEL.FIELDS': 'SHOULD',
  'CANCEL.PERSIST': 'MUST',
  'CANCEL.NOTFOUND': 'MUST',
  'CANCEL.BADID': 'SHOULD',
  'CANCEL.FINAL': 'MUST',
  'CANCEL.TIMEOUT': 'SHOULD',
  'CANCEL.BODY': 'SHOULD',
  'CANCEL.NOCOMMENT': 'OBSERVE',
  'CANCEL.REOPEN': 'SHOULD',
  'CANCEL.TENANT': 'MUST',
  'AUTH.MISSING': 'MUST',
  'AUTH.INVALID': 'MUST',
  'AUTH.EXPIRED': 'MUST',
  'AUTH.SCHEME': 'SHOULD',
  'AUTH.AUDIENCE': 'SHOULD',
  'PERM.ROLES': 'MUST',
  'PERM.NONE': 'MUST',
  'HDR.CONTENTTYPE': 'MUST',
  'HDR.NOCONTENTTYPE': 'OBSERVE',
  'RATE.MINUTE': 'MUST',
  'RATE.RETRYAFTER': 'MUST',
  'RATE.RECOVER': 'MUST',
  'RATE.HOUR': 'MUST',
  'RATE.NOEFFECT': 'SHOULD',
  'SCHEMA.ENTITY': 'MUST',
  'SCHEMA.ERROR': 'MUST',
  'SCHEMA.CONTENTTYPE': 'SHOULD',
};

const registry = getRegistry();

test('the registry holds every public requirement ID with its published level', () => {
  const levels = Object.fromEntries(registry.requirements.map((r) => [r.id, r.level]));
  for (const [id, level] of Object.entries(PUBLIC_REQUIREMENTS)) expect(levels[id], id).toBe(level);
});

test('requirement IDs are well-formed AREA.CONDITION names', () => {
  for (const r of registry.requirements) expect(r.id).toMatch(/^[A-Z]+\.[A-Z]+$/);
});

test('a registry that lists an ID twice is refused', () => {
  const text = readFileSync(requirementsPath, 'utf8');
  const first = text.indexOf('  - id: CANCEL.OK');
  const entry = text.slice(first, text.indexOf('  - id: CANCEL.STATUS'));
  expect(() => parseRegistry(text + entry)).toThrow(/lists CANCEL\.OK twice/);
});

test('a registry entry with an unknown key or level is refused with the path that is wrong', () => {
  const text = readFileSync(requirementsPath, 'utf8');
  expect(() => parseRegistry(text.replace('level: SHOULD', 'level: MAY'))).toThrow(
    /\/requirements\/\d+\/level/,
  );
  expect(() => parseRegistry(text.replace('    area: auth', '    area: auth\n    owner: me'))).toThrow(
    /requirements\.yaml is invalid/,
  );
});

test('every requirement names its source kind and a documentation link', () => {
  for (const r of registry.requirements) {
    expect(['documented', 'observed', 'inferred'], r.id).toContain(r.source.kind);
    expect(r.docUrl, r.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  }
});

test('statements are our own words, not the documentation copied', () => {
  // Sentences of the Microsoft pages that a careless copy would carry over.
  const copied = [
    'Cancel an already launched machine action that',
    'If machine action entity with the specified id',
    'Rate limitations for this API are',
    'Comment to associate with the cancellation action',
  ];
  const text = readFileSync(requirementsPath, 'utf8');
  for (const sentence of copied) expect(text).not.toContain(sentence);
});

test('an unknown requirement ID fails with a suggestion', () => {
  expect(() => registry.get('CANCEL.NOT_FOUND')).toThrow('Did you mean "CANCEL.NOTFOUND"?');
});
