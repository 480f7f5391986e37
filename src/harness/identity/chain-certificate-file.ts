// MDE_CREDENTIAL=default: the chain's environment credential reads AZURE_CLIENT_CERTIFICATE_PATH itself,
// at sign-in. A file it cannot use ended as "check that the token endpoint is reachable" (exit 3), though
// nothing had been asked of it: it is configuration, said as what to fix.
const ENVIRONMENT_CREDENTIAL = /^EnvironmentCredential authentication failed/;
const PFX = 'a .pfx converts with `openssl pkcs12 -in app.pfx -out app.pem -nodes`';
const FILE_PROBLEMS: [RegExp, string][] = [
  [/^ENOENT\b/, 'does not exist; check the path'],
  [/^EISDIR\b/, 'is a directory; name the file'],
  [/^(EACCES|EPERM)\b/, 'cannot be read; check its permissions'],
  [/does not contain a PEM-encoded certificate/, `holds no PEM certificate; ${PFX}`],
  [
    /bad decrypt|passphrase|unsupported|DECODER routines|secretOrPrivateKey must be an asymmetric key/i,
    'holds a private key that AZURE_CLIENT_CERTIFICATE_PASSWORD does not open (or none); set the password, or store the key unencrypted',
  ],
];

export function chainCertificateFileFix(error: unknown): string | undefined {
  const response = (error as { errorResponse?: { error?: string; errorDescription?: string } } | undefined)
    ?.errorResponse;
  if (!ENVIRONMENT_CREDENTIAL.test(response?.error ?? '')) return undefined;
  const description = response?.errorDescription ?? '';
  const problem = FILE_PROBLEMS.find(([pattern]) => pattern.test(description))?.[1];
  return problem && `the file AZURE_CLIENT_CERTIFICATE_PATH names ${problem}`;
}
