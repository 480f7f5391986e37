import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { derFileKind } from '../../common/der-file.ts';
import { npmStartDirHint } from '../../common/npm-start-dir.ts';
import { isPastedText, pastedTextProblem } from '../../common/pasted-text.ts';
import { readUserFile, UserFileError } from '../../common/regular-file.ts';
import { unexpandedPathHint } from '../../common/unexpanded-path.ts';
import { registerSecret } from '../redaction/redact.ts';

// Checks of the files a credential names, each answering one sentence that says what to fix (never a
// line of the file). What they find secret is registered with the redactor first.

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
// How @azure/identity finds the certificates it signs in with: base64 and line breaks only between the
// BEGIN and END lines. Node reads more (spaces or tabs at line ends), which the library then found no
// certificate in, at sign-in, after the run had started (exit 3, as if the authority were unreachable).
const LIBRARY_CERTIFICATE =
  /-+BEGIN CERTIFICATE-+(?:\n\r?|\r\n?)[A-Za-z0-9+/\n\r]+=*(?:\n\r?|\r\n?)-+END CERTIFICATE-+/;
const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

// The private key of a PEM file, registered with the redactor; also used when the file is read to sign in.
export function registerPrivateKey(pem: string): string | undefined {
  const key = PRIVATE_KEY_BLOCK.exec(pem)?.[0];
  registerSecret(key);
  return key;
}

// A PEM holding an RSA certificate and its own private key, unencrypted (what @azure/identity's
// ClientCertificateCredential reads); the assertion it signs is RS256 or PS256, so the key is RSA.
// Within its dates at `now` (epoch ms).
export function certificateFileProblem(path: string, now: number): string | undefined {
  const read = readText(path);
  if (typeof read !== 'string') return read.problem;
  const keyPem = registerPrivateKey(read);
  const certificatePem = CERTIFICATE_BLOCK.exec(read)?.[0];
  const convert = 'a .pfx converts with `openssl pkcs12 -in app.pfx -out app.pem -nodes`';
  // A CI step writing the file from a secret variable that is not set leaves it empty: not a format to convert.
  if (!read.trim())
    return `names ${path}, which is empty; write the certificate and its private key there (a CI step that writes it from a secret variable that is not set leaves it so)`;
  if (!certificatePem && !keyPem) {
    // A DER export (`.cer`) is not converted by the .pfx command: its own is named.
    const der = derFileKind(readUserFile(path), path);
    if (der) return `names ${path}, which is ${der}, the certificate and its private key in one file`;
    return `names ${path}, which is not a PEM with a certificate and a private key; ${convert}`;
  }
  if (!certificatePem)
    return `names ${path}, which holds a private key but no certificate (-----BEGIN CERTIFICATE-----); add the certificate to the file`;
  if (!keyPem)
    return `names ${path}, which holds a certificate but no private key; add the key (-----BEGIN PRIVATE KEY-----) to the file, e.g. ${convert}`;
  if (keyPem.includes('ENCRYPTED'))
    // MDE_CREDENTIAL=certificate reads no password; the default chain reads the Azure SDKs' one.
    return `names ${path}, whose private key is encrypted, and this sign-in reads no password; store it unencrypted, the certificate first (\`(openssl x509 -in ${shellWord(path)}; openssl pkey -in ${shellWord(path)}) > plain.pem\`), and protect the file, or sign in with MDE_CREDENTIAL=default, whose environment credential reads AZURE_CLIENT_CERTIFICATE_PASSWORD (with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH)`;
  let certificate: X509Certificate;
  let key: KeyObject;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return `names ${path}, whose certificate cannot be parsed; export it again as PEM`;
  }
  if (!LIBRARY_CERTIFICATE.test(certificatePem))
    return `names ${path}, whose certificate has characters other than base64 between its BEGIN and END lines (spaces or tabs at line ends?), which @azure/identity cannot read; remove them`;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    return `names ${path}, whose private key cannot be parsed; export it again as PEM`;
  }
  if (!wholeFileKeyReadable(read))
    return `names ${path}, whose private key @azure/identity cannot find, as its BEGIN line does not start a line (two files joined without a line break between them?); put each -----BEGIN and -----END line on a line of its own`;
  if (key.asymmetricKeyType !== 'rsa')
    return `names ${path}, whose key is ${key.asymmetricKeyType?.toUpperCase()}; Microsoft Entra ID takes RSA certificates (RS256/PS256 assertions)`;
  if (!certificate.checkPrivateKey(key))
    // @azure/identity signs in with the first certificate: a chain with the CA first fails there too.
    return laterCertificateMatches(read, key)
      ? `names ${path}, whose first certificate is not the one its private key belongs to; put the app's certificate first, the rest of its chain after it`
      : `names ${path}, whose private key does not belong to its certificate; put the certificate and its own key in the file`;
  return datesProblem(path, certificate, now);
}

// @azure/identity hands the whole file to the signer, which reads a key only from a BEGIN line that
// starts a line: `cat cert.pem key.pem` without a line break at the certificate's end hides it.
function wholeFileKeyReadable(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

function laterCertificateMatches(pem: string, key: KeyObject): boolean {
  const blocks = pem.match(new RegExp(CERTIFICATE_BLOCK.source, 'g')) ?? [];
  return blocks.slice(1).some((block) => {
    try {
      return new X509Certificate(block).checkPrivateKey(key);
    } catch {
      return false;
    }
  });
}

// Entra ID refuses an assertion signed with an expired key (AADSTS700027, "The key used is expired")
// and uses a key only from its start. A start up to 5 minutes ahead passes: this machine's clock may
// lag the one that made the certificate.
const START_SKEW_MS = 5 * 60_000;

function datesProblem(path: string, certificate: X509Certificate, now: number): string | undefined {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  const dates = `valid from ${instant(from)} to ${instant(to)}`;
  if (now > to)
    return `names ${path}, whose certificate has expired (${dates}); Microsoft Entra ID refuses an expired key (AADSTS700027): make a new certificate and add it to the app registration`;
  if (now < from - START_SKEW_MS)
    return `names ${path}, whose certificate is not valid yet (${dates}); Microsoft Entra ID does not use a key before its start: use a certificate valid now, or check this machine's clock`;
  return undefined;
}

// 2020-02-01T00:00:00Z: certificates carry whole seconds.
function instant(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

// A federated identity token file: present and not empty. Its token is a secret too.
export function tokenFileProblem(path: string): string | undefined {
  const read = readText(path);
  if (typeof read !== 'string') return read.problem;
  if (!read.trim())
    return `names ${path}, which is empty; the identity provider writes the token there (Kubernetes workload identity: the projected service account token)`;
  registerSecret(read.trim(), { configured: true });
  const wrapped = tokenWrapper(read.trim());
  return wrapped && `names ${path}, which holds the token ${wrapped}; write the token alone (a JWT, eyJ...)`;
}

// What a CI step left around the token (Entra ID takes the JWT alone, and answered AADSTS50027, "JWT
// token is invalid or malformed", once the run had begun). Said by its shape, never by its text.
function tokenWrapper(token: string): string | undefined {
  if (/^"[^"]+"$/.test(token)) return 'in double quotes (`jq` without -r keeps them)';
  if (token.startsWith('{'))
    return 'inside a JSON document (its `value`, read with `jq -r .value`, is the token)';
  if (/^bearer\s/i.test(token)) return 'after "Bearer " (an Authorization value)';
  return undefined;
}

function readText(path: string): string | { problem: string } {
  try {
    return readUserFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UserFileError) return { problem: `names ${path}: ${error.problem}` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENAMETOOLONG' || isPastedText(path)) return { problem: pastedTextProblem(path) };
    if (code === 'ENOENT')
      return {
        problem: `names ${path}, which does not exist; check the path${npmStartDirHint(path)}${unexpandedPathHint(path)}`,
      };
    if (code === 'EISDIR') return { problem: `names ${path}, which is a directory; name the file` };
    return { problem: `names ${path}, which cannot be read (${code}); check its permissions` };
  }
}

// A path as a shell reads it back: quoted when it holds anything but the characters paths mostly use.
function shellWord(path: string): string {
  return /^[\w./:@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
