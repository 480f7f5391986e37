import { readFileSync } from 'node:fs';
import { isCasePoint, isPerCase, OPEN_POINTS, type OpenPointId } from '../../src/contract/index.ts';
import { ERROR_CATALOGUE } from '../../src/emulator/error-catalogue.ts';
import { PROFILES, readingsOf } from '../../src/emulator/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// docs/emulator.md is the user's reference: it must name every profile, reading and error code.
// Faults are not listed there (the seam files and --list-faults are the catalogue), so a fault is one entry.
const docs = readFileSync(new URL('../../docs/emulator.md', import.meta.url), 'utf8');

// A reading as the profile table writes it; a per-case reading (docs/calibration.md#per-case) case by
// case, its strings in full (the first word alone would hide how the cases differ).
function cell(value: unknown, id: OpenPointId): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value.includes(' ') ? `\`${value.split(' ')[0]} …\`` : value;
  if (typeof value === 'number') return String(value);
  const cases = isCasePoint(id) && isPerCase(id, value) ? Object.entries(value) : undefined;
  if (cases)
    return cases
      .map(
        ([which, answer]) => `${which}: ${typeof answer === 'string' ? `\`${answer}\`` : cell(answer, id)}`,
      )
      .join('; ');
  const o = value as Record<string, unknown>;
  if ('status' in o) return `${o['status']} ${o['code']}`;
  if ('existing' in o) return `the running action, ${o['existing']}`;
  if ('contentType' in o)
    return `\`${o['contentType']}\`${o['odataVersion'] ? ` + OData-Version ${o['odataVersion']}` : ''}`;
  const { entity, error } = o as { entity: string[]; error: string[] };
  if (entity.length + error.length === 0) return 'none';
  return `entity: ${entity.join(', ') || 'none'}; error: ${error.join(', ') || 'none'}`;
}

test.describe('docs/emulator.md', () => {
  test('has the profile table of every open point, as the profile files read it', () => {
    const names = Object.keys(PROFILES);
    expect(docs).toContain(`| open point | ${names.join(' | ')} |`);
    const defaults = readingsOf(PROFILES['default']!);
    for (const id of OPEN_POINTS) {
      const cells = names.map((name) => {
        const text = cell(readingsOf(PROFILES[name]!)[id], id);
        return name !== 'default' && text === cell(defaults[id], id) ? '·' : text;
      });
      expect(docs, id).toContain(`| [${id}](./contract.md#${id}) | ${cells.join(' | ')} |`);
    }
  });

  test('names every wire error code', () => {
    for (const code of Object.keys(ERROR_CATALOGUE)) expect(docs, code).toContain(code);
  });
});
