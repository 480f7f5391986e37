import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { redactText } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { file, NO_SECRET, OTHER_ID, problems, TENANT, tenant } from './config-env.ts';
import { selfSigned } from './self-signed.ts';

test.afterEach(removeTempDirs);

// What a certificate given for sign-in must be (an RSA certificate with its own unencrypted key, within
// its dates), refused as one line that shows no part of the key; which credential is chosen and how the
// other variables read: credentials.spec.ts.
test.describe('tenant sign-in configuration', () => {
  test('a certificate file must be a PEM with an RSA certificate and its own unencrypted key', async () => {
    const good = await selfSigned();
    const other = await selfSigned();
    const ec = await selfSigned('ec');
    const encrypted = createPrivateKey(good.private).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pass-phrase',
    }) as string;
    const cases: [string, string][] = [
      [good.private, 'which holds a private key but no certificate'],
      [good.cert, 'which holds a certificate but no private key'],
      ['not a pem', 'which is not a PEM with a certificate and a private key'],
      // A CI step that writes the file from a secret variable that is not set leaves it empty: the
      // walk read "not a PEM ... a .pfx converts", which sent it to convert a file that was never written.
      ['\n', 'which is empty'],
      ['  \r\n\n', 'which is empty'],
      [`${good.cert}${other.private}`, 'whose private key does not belong to its certificate'],
      [
        `${other.cert}${good.cert}${good.private}`,
        "whose first certificate is not the one its private key belongs to; put the app's certificate first",
      ],
      [`${ec.cert}${ec.private}`, 'whose key is EC; Microsoft Entra ID takes RSA certificates'],
      [`${good.cert}${encrypted}`, 'whose private key is encrypted'],
    ];
    for (const [text, problem] of cases) {
      const path = file('case.pem', text);
      const lines = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`ConfigError: MDE_CLIENT_CERTIFICATE_PATH names ${path}, ${problem}`);
      for (const line of text.split('\n').filter((l) => l.length > 20)) expect(lines[0]).not.toContain(line);
    }
    // A pipeline set up for the Azure SDKs holds the password in AZURE_CLIENT_CERTIFICATE_PASSWORD: the
    // line names the way that reads it, and a conversion that keeps the certificate in the file (the
    // walk's `openssl pkey` left only the key, and the next run said the certificate was missing).
    // The command names the user's own file (a walk's read app.pem, a file it did not have).
    const encPath = file('enc.pem', `${good.cert}${encrypted}`);
    const encryptedLine = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: encPath })[0];
    expect(encryptedLine).toContain(
      `\`(openssl x509 -in ${encPath}; openssl pkey -in ${encPath}) > plain.pem\``,
    );
    expect(encryptedLine).toContain(
      'MDE_CREDENTIAL=default, whose environment credential reads AZURE_CLIENT_CERTIFICATE_PASSWORD',
    );
    expect(
      problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: join(tempDir('config-'), 'gone.pem') })[0],
    ).toContain('which does not exist');
    const path = file('good.pem', `${good.cert}${good.private}`);
    expect(tenant({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path }).credentials.operator.kind).toBe(
      'certificate',
    );
    expect(redactText(`key: ${good.private.trim()}`)).toBe('key: [REDACTED]');
  });

  test("a certificate outside its dates on the configuration's clock is refused, naming the dates, never the key", async () => {
    const { cert, private: key } = await selfSigned('rsa', {
      notBeforeDate: new Date('2020-01-01T00:00:00Z'),
      notAfterDate: new Date('2020-02-01T00:00:00Z'),
    });
    const path = file('dated.pem', `${cert}${key}`);
    const env = { ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path };
    const at = (iso: string) => ({ now: () => Date.parse(iso) });
    const dates = 'valid from 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z';
    // The wall clock (2026 or later): long expired.
    const expired = problems(env);
    expect(expired).toEqual([
      `ConfigError: MDE_CLIENT_CERTIFICATE_PATH names ${path}, whose certificate has expired (${dates}); Microsoft Entra ID refuses an expired key (AADSTS700027): make a new certificate and add it to the app registration`,
    ]);
    for (const line of `${cert}${key}`.split('\n').filter((l) => l.length > 20))
      expect(expired[0]).not.toContain(line);
    expect(problems(env, at('2020-02-01T00:00:01Z'))[0]).toContain('whose certificate has expired');
    expect(problems(env, at('2019-12-31T23:54:59Z'))[0]).toContain(
      `whose certificate is not valid yet (${dates}); Microsoft Entra ID`,
    );
    // Within its dates on the clock the configuration is given; a start a few minutes ahead passes.
    for (const iso of ['2020-01-15T00:00:00Z', '2020-02-01T00:00:00Z', '2019-12-31T23:56:00Z'])
      expect(loadConfig(env, at(iso)).target.mode, iso).toBe('tenant');
    // The limited and per-role apps' certificates likewise.
    expect(
      problems({ ...TENANT, MDE_LIMITED_CLIENT_ID: OTHER_ID, MDE_LIMITED_CLIENT_CERTIFICATE_PATH: path })[0],
    ).toMatch(/^ConfigError: MDE_LIMITED_CLIENT_CERTIFICATE_PATH names .*, whose certificate has expired/);
  });
});

// A CI secret holding the PEM set straight into the variable, instead of a file written from it: one
// line, and no part of the key, even one without its BEGIN line (which the redactor cannot tell).
// Node reads a certificate with spaces at its line ends, and @azure/identity does not: it found no
// certificate at sign-in, and the run ended exit 3 telling to check MDE_AUTH_BASE_URL, blaming a target
// it never reached. The file is what to fix, before any sign-in (exit 2).
test('a certificate @azure/identity cannot read is refused before sign-in, naming what to remove', async () => {
  const good = await selfSigned();
  for (const cert of [good.cert.replace(/\n/g, ' \n'), good.cert.replace(/\n(?!-)/g, '\n\t')]) {
    const path = file('spaced.pem', `${cert}\n${good.private}`);
    const lines = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`ConfigError: MDE_CLIENT_CERTIFICATE_PATH names ${path}, whose certificate`);
    expect(lines[0]).toContain('@azure/identity cannot read');
  }
  // Line breaks of either kind, a text before the blocks and spaces in the key are read by both.
  for (const text of [
    `${good.cert}${good.private}`.replace(/\n/g, '\r\n'),
    `Bag Attributes\n    friendlyName: app\n${good.cert}${good.private.replace(/\n/g, ' \n')}`,
  ])
    expect(
      tenant({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: file('read.pem', text) }).credentials.operator.kind,
    ).toBe('certificate');
});

test('a PEM or key text in a *_PATH variable is one line that shows none of it', () => {
  const pem = privateKeyPem('pasted-into-path');
  const keyBody = pem.replace(/-----[A-Z ]+-----/g, '').trim();
  for (const text of [pem.trim(), keyBody, keyBody.replace(/\n/g, '')]) {
    const lines = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: text });
    expect(lines).toEqual([
      `ConfigError: MDE_CLIENT_CERTIFICATE_PATH holds ${text.length} characters of text, not the path of a file (not shown: it may be a key, a token or a secret); write the text to a file and name that file`,
    ]);
  }
});

// `cat cert.pem key.pem` where cert.pem has no line break at its end joins two lines into
// "-----END CERTIFICATE----------BEGIN PRIVATE KEY-----". Each block still parses alone, but
// @azure/identity hands the whole file to the signer, which then finds no key ("secretOrPrivateKey must
// be an asymmetric key"), and the run ended exit 3 telling to check MDE_AUTH_BASE_URL.
test('a certificate and key joined on one line are refused before sign-in, naming the line break', async () => {
  const good = await selfSigned();
  const path = file('joined.pem', `${good.cert.trimEnd()}${good.private}`);
  const lines = problems({ ...NO_SECRET, MDE_CLIENT_CERTIFICATE_PATH: path });
  expect(lines).toEqual([
    `ConfigError: MDE_CLIENT_CERTIFICATE_PATH names ${path}, whose private key @azure/identity cannot find, as its BEGIN line does not start a line (two files joined without a line break between them?); put each -----BEGIN and -----END line on a line of its own`,
  ]);
});
