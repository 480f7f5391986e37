import { readdirSync, readFileSync } from 'node:fs';
import { OPEN_POINTS, type ProfileDocument, parseProfile } from '../../../src/contract/index.ts';
import { loadProfile, PROFILES } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';

const DIR = new URL('../../../src/emulator/profiles/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.profile.json'));
const raw = (file: string) => JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as ProfileDocument;

test.describe('built-in profile files', () => {
  test('ship default, the four earlier readings and the front-door, conservative, gatekeeper, lagging and replicated profiles', () => {
    expect(Object.keys(PROFILES)).toEqual([
      'default',
      'async-cancel',
      'conservative',
      'front-door',
      'gatekeeper',
      'lagging',
      'lenient',
      'replicated',
      'strict-odata',
    ]);
  });

  for (const file of files)
    test(`${file} validates against the profile format and is named after its file`, () => {
      const document = parseProfile(raw(file), file);
      expect(`${document.name}.profile.json`).toBe(file);
      expect(document.description?.length).toBeGreaterThan(20);
    });

  test('default reads every open point', () => {
    const points = raw('default.profile.json').points;
    expect(OPEN_POINTS.filter((id) => !(points[id] && 'reading' in points[id]))).toEqual([]);
  });

  for (const file of files.filter((f) => f !== 'default.profile.json'))
    test(`${file} lists only points whose reading differs from default`, () => {
      const defaults = PROFILES['default']!.points;
      for (const [id, entry] of Object.entries(raw(file).points))
        expect(entry, id).not.toEqual(defaults[id as keyof typeof defaults]);
    });

  test('every resolved profile reads every point; what a file leaves out is the default reading', () => {
    for (const [name, document] of Object.entries(PROFILES)) {
      expect(Object.keys(document.points).sort(), name).toEqual([...OPEN_POINTS].sort());
      expect(document.name).toBe(name);
    }
    expect(PROFILES['front-door']!.points['unknown-id']).toEqual(PROFILES['default']!.points['unknown-id']);
  });
});

test.describe('loadProfile', () => {
  test('a document is read over the named profile, point by point', () => {
    const resolved = loadProfile({
      profile: 'strict-odata',
      profileDocument: {
        profileVersion: 1,
        points: {
          'unknown-id': { reading: { status: 404, code: 'NotFound' } },
          // unknown: the named profile's reading stays
          'malformed-id': { unknown: 'the run sent no malformed id' },
        },
      },
    });
    expect(resolved.points['unknown-id']).toEqual({ reading: { status: 404, code: 'NotFound' } });
    expect(resolved.points['malformed-id']).toEqual(PROFILES['strict-odata']!.points['malformed-id']);
    expect(resolved.points['retry-after-form']).toEqual({ reading: 'http-date' });
  });

  test('an unknown name is refused with the known names', () => {
    expect(() => loadProfile({ profile: 'chaos' })).toThrow(
      'Unknown profile "chaos". Known profiles: default, async-cancel, conservative, front-door, gatekeeper, lagging, lenient, replicated, strict-odata.',
    );
  });
});
