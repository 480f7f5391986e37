import { deflateRawSync } from 'node:zlib';
import { buildNeedles, scanBuffer } from '../../../src/harness/redaction/leak-search.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A zip cut short (a download or upload interrupted, a process killed while it wrote a trace or a
// blob report) has lost its central directory, the one place the scan read entries from: it fell back
// to the raw bytes, where a deflated entry's bearer token is invisible, and said "no secret found".
const part = (text: object) => Buffer.from(JSON.stringify(text)).toString('base64url');
const JWT = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://api.securitycenter.microsoft.com' })}.${'A'.repeat(342)}`;

// A local file header and its data, as Playwright writes entries: deflated, with the sizes in the
// header or (streamed) left 0 for a data descriptor after the data.
function localEntry(name: string, text: string, sizesAfter: boolean): Buffer {
  const data = deflateRawSync(Buffer.from(text));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(sizesAfter ? 8 : 0, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(sizesAfter ? 0 : data.length, 18);
  header.writeUInt32LE(sizesAfter ? 0 : text.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

test('a zip without its central directory is scanned entry by entry, from its local headers', () => {
  const needles = buildNeedles(tempDir('cut-zip-'), {}, []);
  for (const sizesAfter of [false, true]) {
    const zip = Buffer.concat([
      localEntry('trace.trace', 'nothing here '.repeat(50), sizesAfter),
      localEntry('trace.network', `Authorization: Bearer ${JWT}\n`.repeat(20), sizesAfter),
    ]);
    expect(scanBuffer(zip, 'trace.zip', needles)).toEqual([
      { file: 'trace.zip!trace.network', what: 'a JWT-shaped token' },
    ]);
    // Cut inside the entry's deflated data too: what inflates is scanned.
    const cut = zip.subarray(0, zip.length - 20);
    expect(scanBuffer(cut, 'trace.zip', needles)).toEqual([
      { file: 'trace.zip!trace.network', what: 'a JWT-shaped token' },
    ]);
  }
});
