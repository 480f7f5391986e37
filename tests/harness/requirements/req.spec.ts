import { getRegistry } from '../../../src/contract/index.ts';
import { req } from '../../../src/harness/requirements/req.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('req()', () => {
  test('claims a requirement with its level as tags and an annotation', () => {
    expect(req('CANCEL.OK')).toEqual({
      tag: ['@CANCEL.OK', '@must'],
      annotation: [{ type: 'requirement', description: 'CANCEL.OK' }],
    });
    expect(req('CANCEL.NOCOMMENT').tag).toEqual(['@CANCEL.NOCOMMENT', '@observe']);
  });

  test('several requirements share level tags once', () => {
    expect(req('CANCEL.BADID', 'PATH.VERSIONED').tag).toEqual([
      '@CANCEL.BADID',
      '@should',
      '@PATH.VERSIONED',
    ]);
  });

  test('an unknown ID throws at once with a suggestion', () => {
    expect(() => req('CANCEL.NOT_FOUND')).toThrow(
      'Requirement "CANCEL.NOT_FOUND" is not in specs/requirements.yaml. Did you mean "CANCEL.NOTFOUND"?',
    );
    expect(() => req()).toThrow('req() needs at least one requirement ID');
  });

  test('every requirement of the registry is claimed by a conformance test', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (readdirSync('tests/conformance', { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.spec.ts'),
    );
    const text = files.map((f) => readFileSync(join('tests/conformance', f), 'utf8')).join('\n');
    const unclaimed = getRegistry()
      .requirements.map((r) => r.id)
      .filter((id) => !text.includes(`'${id}'`));
    expect(unclaimed).toEqual([]);
  });
});
