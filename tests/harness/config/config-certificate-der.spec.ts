import { createPrivateKey, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { NO_SECRET, problems } from './config-env.ts';
import { selfSigned } from './self-signed.ts';

test.afterEach(removeTempDirs);

// A certificate exported as Windows and the portals offer it, DER (binary, `.cer`), named where a PEM
// with the certificate and its key belongs. The line said "a .pfx converts with `openssl pkcs12 ...`",
// a command that fails on it (walk of real identity, round 2).
test('a DER certificate or key file is named as DER, with the conversion to PEM', async () => {
  const good = await selfSigned();
  const dir = tempDir('config-der-');
  const cases: [string, Buffer, string][] = [
    ['app.cer', new X509Certificate(good.cert).raw, 'a DER (binary) certificate'],
    [
      'app.key',
      createPrivateKey(good.private).export({ type: 'pkcs8', format: 'der' }),
      'a DER (binary) private key',
    ],
  ];
  for (const [name, bytes, kind] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const lines = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`MDE_CLIENT_CERTIFICATE_PATH names ${path}, which is ${kind}`);
    expect(lines[0]).toContain('-inform DER');
    expect(lines[0]).not.toContain('pkcs12');
  }
});
