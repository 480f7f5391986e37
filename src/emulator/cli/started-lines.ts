import { resolve } from 'node:path';
import { contractHash, OPEN_POINTS, profileContractWarning } from '../../contract/index.ts';
import { tlsCertificateDatesWarning } from '../identity/tls-certificate-dates.ts';
import { tlsCertificateHostWarning } from '../identity/tls-certificate-host.ts';
import type { startEmulator } from '../index.ts';
import type { EmulatorOptions } from '../options.ts';
import { readProfileFile } from '../profiles/profile-document.ts';
import { isFetchBadPort } from './fetch-bad-ports.ts';
import { exposureWarning } from './network-exposure.ts';

type Running = Awaited<ReturnType<typeof startEmulator>>;

// The two streams a started emulator writes to, in the order it writes.
export interface StartOutput {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

// What a started emulator says: its address, its warnings, the certificate to trust, and last the
// profile line, which tools (and the tests) wait for as the end of the start: every warning comes
// before it.
export function writeStartedLines(running: Running, options: EmulatorOptions, out: StartOutput): void {
  const info = running.app.emulator;
  const { base, file, fileReadings, name } = info.profile;
  const others = OPEN_POINTS.length - (fileReadings ?? 0);
  out.stdout(`MDE reference emulator listening on ${running.url}`);
  // The suite reaches any port (node:http); a user's own fetch()-based automation would fail to connect.
  const port = Number(new URL(running.url).port);
  if (isFetchBadPort(port))
    out.stderr(
      `emulator: warning: fetch() clients (browsers, Node's fetch) refuse port ${port}, a "bad port" of the Fetch standard; the suite reaches it, but choose another with --port <n> if your own automation uses fetch()`,
    );
  const { tlsCertFile } = options;
  if (tlsCertFile && running.certificatePem) {
    const outOfDates = tlsCertificateDatesWarning(running.certificatePem, tlsCertFile);
    if (outOfDates) out.stderr(`emulator: ${outOfDates}`);
    const otherHost = tlsCertificateHostWarning(running.certificatePem, tlsCertFile, running.url);
    if (otherHost) out.stderr(`emulator: ${otherHost}`);
  }
  const exposed = exposureWarning(running.url, info.options.control);
  if (exposed) out.stderr(`emulator: ${exposed}`);
  const contractWarning = file && profileContractWarning(readProfileFile(file), file, contractHash());
  if (contractWarning) out.stderr(`emulator: ${contractWarning}`);
  if (running.certificateFile)
    out.stdout(
      `TLS certificate (self-signed for localhost, 127.0.0.1, ::1): ${resolve(running.certificateFile)}; ` +
        `trust it with NODE_EXTRA_CA_CERTS=${running.certificateFile} (Node); in Python, a requests.Session with verify= that file and trust_env = False (docs/test-your-automation.md)`,
    );
  out.stdout(
    `profile ${file ? `${base} with ${file} read over it (${fileReadings} of ${OPEN_POINTS.length} points; the other ${others} as ${base})` : name}; ` +
      `faults ${info.faults.list().join(',') || 'none'}; ` +
      `rate limits ${info.options.rateLimits ? 'on' : 'off'}; control ${info.options.control ? 'on (/_emulator/*)' : 'off'}`,
  );
}
