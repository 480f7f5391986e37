import { parseProfile } from '../../../src/contract/index.ts';
import { isJsonContentType } from '../../../src/harness/http/exchange.ts';
import { passiveReadings } from '../../../src/harness/observation/passive-readings.ts';
import { lawfulnessProblem } from '../../../src/harness/observation/record-reading.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

// A media type's type, subtype and parameter names are case-insensitive (RFC 9110 §8.3.1), so
// `Application/JSON; Charset=UTF-8` is application/json as SCHEMA.CONTENTTYPE reads it. The profile
// format took only the lower-case spelling: such a target's observed profile said of json-media-type
// "no answer fit a lawful reading" (proved through a loopback proxy spelling it so in front of the
// emulator), and a profile file holding it was refused.
const SPELLINGS = [
  'Application/JSON; Charset=UTF-8',
  'APPLICATION/JSON',
  'application/Json;odata.metadata=minimal',
];
const ENTITY = {
  id: 'a',
  type: 'RunAntiVirusScan',
  status: 'Pending',
  creationDateTimeUtc: '2026-12-02T10:00:00Z',
};

for (const contentType of SPELLINGS)
  test(`${contentType} is a lawful reading of json-media-type, read from the wire and from a file`, () => {
    expect(isJsonContentType(contentType)).toBe(true);
    const [media] = passiveReadings(answer(200, ENTITY, { 'content-type': contentType })).filter(
      (r) => r.point === 'json-media-type',
    );
    expect(media?.reading).toEqual({ contentType, odataVersion: null });
    expect(lawfulnessProblem('json-media-type', media?.reading)).toBeUndefined();
    const file = {
      profileVersion: 1,
      points: { 'json-media-type': { reading: { contentType, odataVersion: null } } },
    };
    expect(() => parseProfile(file, 'p.json')).not.toThrow();
  });

test('a media type other than application/json stays no lawful reading, whatever its case', () => {
  for (const contentType of ['Text/JSON', 'application/jsonx', 'application/problem+JSON'])
    expect(lawfulnessProblem('json-media-type', { contentType, odataVersion: null })).toContain(
      'is not a lawful reading',
    );
});
