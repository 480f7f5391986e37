import { createPrivateKey, X509Certificate } from 'node:crypto';
import { closeSync, existsSync, openSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSecureContext } from 'node:tls';
import { derFileKind } from '../../common/der-file.ts';
import { FileWriteError } from '../../common/file-write-error.ts';
import { makeDirectory } from '../../common/make-directory.ts';
import { readUserFile } from '../../common/regular-file.ts';
import { unreadableFile } from '../../common/unreadable-file.ts';
import { systemTime, type TimeSource } from '../clock/virtual-clock.ts';
import { EmulatorOptionsError } from '../options-error.ts';

// The certificate an HTTPS emulator serves: one's own (--tls-cert/--tls-key) or a self-signed one made at
// start for the names a client on this machine uses. Clients trust it as their own CA
// (NODE_EXTRA_CA_CERTS, Python's verify=), which is why it is both a CA and a server certificate.
export interface TlsCertificate {
  cert: string;
  key: string;
}

// TLS clients check real time, not the virtual clock: a few days around now, an hour back for skew.
const VALID_DAYS = 5;

export async function createTlsCertificate(time: TimeSource = systemTime): Promise<TlsCertificate> {
  const now = time.now();
  // Loaded on first use: a tenth of a second that a plain HTTP emulator does not need.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 3600_000),
    notAfterDate: new Date(now + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  // Newline-terminated, so that the PEM can be appended to a CA bundle as it is.
  return { cert: `${pems.cert.trim()}\n`, key: `${pems.private.trim()}\n` };
}

// The certificate an emulator serves: its own files first, then one shared by the process, then a new one.
export async function tlsCertificateFor(
  files: { tlsCertFile: string | undefined; tlsKeyFile: string | undefined },
  shared?: TlsCertificate,
): Promise<TlsCertificate> {
  if (files.tlsCertFile && files.tlsKeyFile) return readTlsCertificate(files.tlsCertFile, files.tlsKeyFile);
  return shared ?? createTlsCertificate();
}

// One's own certificate and key, checked to belong together before the emulator listens.
function readTlsCertificate(certFile: string, keyFile: string): TlsCertificate {
  const read = (file: string, flag: string) => {
    try {
      return readUserFile(file, 'utf8');
    } catch (error) {
      throw new EmulatorOptionsError(`${flag}: cannot read ${file}: ${unreadableFile(error)}.`);
    }
  };
  const certificate = { cert: read(certFile, '--tls-cert'), key: read(keyFile, '--tls-key') };
  let matches: boolean;
  try {
    createSecureContext(certificate);
    // createSecureContext() takes an empty certificate file, and a key of another type than the
    // certificate's (EC beside RSA): the emulator then said it listened and failed every handshake.
    matches = new X509Certificate(certificate.cert).checkPrivateKey(createPrivateKey(certificate.key));
  } catch (error) {
    throw new EmulatorOptionsError(
      derFileProblem(certFile, '--tls-cert') ??
        derFileProblem(keyFile, '--tls-key') ??
        encryptedKeyProblem(keyFile, certificate.key) ??
        `--tls-cert/--tls-key: ${certFile} and ${keyFile} are not a PEM certificate and its private key (${(error as Error).message}).`,
    );
  }
  if (!matches)
    throw new EmulatorOptionsError(
      `--tls-cert/--tls-key: the key in ${keyFile} is not the private key of the certificate in ${certFile}.`,
    );
  return certificate;
}

// A DER export (`.cer`, `.der`) where PEM belongs: OpenSSL's "PEM routines::no start line" said neither.
function derFileProblem(file: string, flag: string): string | undefined {
  const bytes = readUserFile(file);
  if (bytes.includes('-----BEGIN ')) return undefined;
  const kind = derFileKind(bytes, file);
  return kind && `${flag}: ${file} is ${kind}.`;
}

// OpenSSL says "bad decrypt" of a key under a pass phrase, which the emulator has no flag for.
function encryptedKeyProblem(file: string, pem: string): string | undefined {
  if (!/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) return undefined;
  return `--tls-key: ${file} holds an encrypted private key, and the emulator reads no pass phrase: store it decrypted (\`openssl pkey -in ${file} -out key.pem\`, which asks for the pass phrase) and keep that file private.`;
}

// Only the certificate is written: the private key never leaves the process.
export function writeCertificatePem(file: string, pem: string): void {
  try {
    makeDirectory(dirname(file));
    writeFileSync(file, pem);
  } catch (error) {
    throw certificateOutError(file, error);
  }
}

// Tried before any key is made: a path the PEM cannot go to was found only once the certificate's RSA
// key and the signing key were made and the emulator listened. Opened for appending, which changes no
// file that is there, and a file made only to try is removed again. Returns the folders made for it,
// which the PEM needs once the emulator listens, for a start that fails before (removeTriedFolders).
export function checkCertificatePemPath(file: string): string[] {
  try {
    const made = makeDirectory(dirname(file));
    const existed = existsSync(file);
    closeSync(openSync(file, 'a'));
    if (!existed) rmSync(file);
    return made;
  } catch (error) {
    throw certificateOutError(file, error);
  }
}

// Innermost first; one another process has put something in meanwhile stays.
export function removeTriedFolders(made: readonly string[]): void {
  for (const dir of [...made].reverse())
    try {
      rmdirSync(dir);
    } catch {}
}

function certificateOutError(file: string, error: unknown): EmulatorOptionsError {
  return new EmulatorOptionsError(`--tls-cert-out: ${new FileWriteError(file, error).message}.`);
}
