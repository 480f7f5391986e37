import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSkipped, scanForLeaks } from '../../../src/harness/redaction/leak-scan.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { zipOf } from '../../helpers/zip-file.ts';

test.afterEach(removeTempDirs);

// A zip entry was inflated without a limit: a small zip bomb in an attachment (a few KB that inflate
// to gigabytes) took the scan's memory. Each artefact's entries now inflate to a budget; an entry past
// it is named as not scanned, as a file too large to read is, and the other entries are still read.
const part = (text: object) => Buffer.from(JSON.stringify(text)).toString('base64url');
const JWT = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud: 'https://api.securitycenter.microsoft.com' })}.${'A'.repeat(342)}`;
const MB = 1024 * 1024;

for (const central of [true, false])
  test(`an entry that inflates past the budget is named as not scanned, and the others are read${central ? '' : ' (a zip cut short)'}`, () => {
    const root = tempDir('zip-bomb-');
    mkdirSync(join(root, 'test-results'));
    const bomb = zipOf(
      [
        { name: 'bomb.bin', content: Buffer.alloc(8 * MB) },
        { name: 'trace.network', content: Buffer.from(`Authorization: Bearer ${JWT}\n`) },
      ],
      central,
    );
    // Kilobytes on disk, megabytes inflated.
    expect(bomb.length).toBeLessThan(16 * 1024);
    writeFileSync(join(root, 'test-results', 'trace.zip'), bomb);
    const scan = scanForLeaks({ root, cwd: root, env: {}, fingerprints: [], maxInflatedBytes: MB });
    expect(scan.skipped).toEqual(['test-results/trace.zip!bomb.bin']);
    expect(scan.findings).toContainEqual({
      file: 'test-results/trace.zip!trace.network',
      what: 'a JWT-shaped token',
    });
  });

test('an entry left unscanned is said in one line, with what to do', () => {
  expect(formatSkipped('test-results/trace.zip!bomb.bin')).toBe(
    "leak-scan: test-results/trace.zip!bomb.bin: not scanned, it would inflate past 256 MB (with the file's other entries); check it yourself before sharing it",
  );
});
