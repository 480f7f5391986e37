import { existsSync, statSync } from 'node:fs';
import { derFileKind } from '../../common/der-file.ts';
import { readUserFile } from '../../common/regular-file.ts';

// What to do about a certificate Node did not trust, by the code in the loss describeFetchError wrote
// ("TLS certificate problem (CODE); trust ... NODE_EXTRA_CA_CERTS"). Shared by the API's probe and the
// sign-in, which meet the same certificates: the authority's is one to trust, not a network to check.
export function isTrustLoss(loss: string | undefined): boolean {
  return !!loss?.startsWith('TLS certificate problem') && loss.includes('NODE_EXTRA_CA_CERTS');
}

// `extraCa`: the file Node read its extra certificates from as this process started. `publicHost`: a
// host off this machine (a tenant behind a TLS-inspecting proxy), not an emulator.
export function extraCaFix(
  loss: string,
  extraCa: string | undefined,
  publicHost: boolean,
  env: Record<string, string | undefined> = process.env,
): string {
  return `${setFileFix(loss, extraCa, publicHost) || otherToolsBundle(extraCa, env)}Node reads NODE_EXTRA_CA_CERTS from the environment as it starts, not from .env; \`npm run emulator -- --https\` prints its certificate's file, and GET /_emulator/tls-certificate answers it (unless started with --no-control, as a rehearsal of a tenant run is)`;
}

// Set, it was read and does not hold what the target serves: a CI image's own bundle, or a copy made
// before the emulator's restart. "Trust it with NODE_EXTRA_CA_CERTS" would tell them what they did.
function setFileFix(loss: string, extraCa: string | undefined, publicHost: boolean): string {
  if (!extraCa?.trim()) return '';
  // Node only warns of a file it cannot load ("Ignoring extra certs from ...") and trusts nothing more.
  if (!existsSync(extraCa))
    return `NODE_EXTRA_CA_CERTS names ${extraCa}, which does not exist, so Node trusted nothing more: name ${publicHost ? "the bundle holding your proxy's CA" : 'the certificate file the emulator printed'}, by its absolute path. `;
  // Node reads PEM only, and trusts nothing of a DER file: the certificate may be the right one.
  const der = derKind(extraCa);
  if (der) return `NODE_EXTRA_CA_CERTS names ${extraCa}, which is ${der}, and name that file. `;
  // A folder (the emulator's .emulator/), a key or an empty file: Node loaded nothing from it, so a
  // fresh copy of "its PEM" is not the fix; the file the emulator printed is.
  const nothing = noCertificateIn(extraCa);
  if (nothing)
    return `NODE_EXTRA_CA_CERTS names ${extraCa}, which ${nothing}, so Node trusted nothing more: name ${publicHost ? "the bundle holding your proxy's CA" : 'the certificate file the emulator printed (.emulator/tls-cert.pem)'}, by its absolute path. `;
  if (publicHost)
    return `NODE_EXTRA_CA_CERTS names ${extraCa}, which does not hold the certificate this target serves nor the authority it chains to (a TLS-inspecting proxy has one of its own): copy its PEM again, or append it to a copy of that bundle. `;
  // Self-signed, as the emulator's own certificate is: a new one at each of its starts.
  if (loss.includes('(DEPTH_ZERO_SELF_SIGNED_CERT)'))
    return `NODE_EXTRA_CA_CERTS names ${extraCa}, which does not hold the certificate this target serves (an emulator makes a new one at each start): copy its PEM again, or append it to a copy of that bundle. `;
  // Issued by an authority (`--tls-cert` from a company's PKI): the file needs the chain's root, and a
  // server that sends its own certificate alone hides the intermediate between them (Node then says
  // UNABLE_TO_VERIFY_LEAF_SIGNATURE, root trusted or not).
  const alone = loss.includes('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)')
    ? '; if it holds that root already, the target sends its certificate without the intermediate certificate(s) between them: serve the certificate followed by its chain (for the emulator, a --tls-cert file holding both)'
    : '';
  return `NODE_EXTRA_CA_CERTS names ${extraCa}, which holds no authority this target's certificate chains to: append the root certificate of its chain to a copy of that bundle${alone}. `;
}

function derKind(file: string): string | undefined {
  try {
    const bytes = readUserFile(file);
    return bytes.includes('-----BEGIN ') ? undefined : derFileKind(bytes, file);
  } catch {
    return undefined;
  }
}

function noCertificateIn(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'is a folder, not a file';
    const text = readUserFile(file, 'utf8');
    if (text.includes('-----BEGIN CERTIFICATE-----')) return undefined;
    return text.trim() === '' ? 'is empty' : 'holds no certificate (no -----BEGIN CERTIFICATE----- line)';
  } catch {
    return undefined;
  }
}

// Other tools' variables for a certificate bundle, set on many CI images and laptops: a user who trusted
// the emulator's certificate there (as the Python guide's REQUESTS_CA_BUNDLE) was told only to "trust
// it with NODE_EXTRA_CA_CERTS". Node reads none of them (SSL_CERT_FILE only with --use-openssl-ca).
const OTHER_BUNDLES = ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE'];
function otherToolsBundle(extraCa: string | undefined, env: Record<string, string | undefined>): string {
  if (extraCa?.trim()) return '';
  const set = OTHER_BUNDLES.filter((name) => env[name]?.trim());
  return set.length
    ? `${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set, which Node does not read: name the file in NODE_EXTRA_CA_CERTS. `
    : '';
}
