// Entry point of `npm run emulator`: flags in, one line out, runs until SIGINT or SIGTERM.
import { resolve } from 'node:path';
import { exitAfterOutput } from '../../common/exit-after-output.ts';
import { stopWhenOrphaned } from '../../common/stop-when-orphaned.ts';
import type { startEmulator } from '../index.ts';
import { EmulatorOptionsError } from '../options-error.ts';
import { parseCli } from './args.ts';
import { emulatorEnvFileWarnings, envFileOrNone } from './env-file-settings.ts';
import { isFetchBadPort } from './fetch-bad-ports.ts';
import { exposureWarning } from './network-exposure.ts';
import { CliUsageError, helpText } from './usage.ts';

async function main(): Promise<number> {
  let command: Awaited<ReturnType<typeof parseCli>>;
  try {
    command = await parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliUsageError) return usageError(error.message);
    throw error;
  }
  if (command.kind === 'help') {
    const { FAULT_NAMES } = await import('../faults/catalogue.ts');
    console.log(helpText(FAULT_NAMES.length));
    return 0;
  }
  if (command.kind === 'list-faults') {
    const [{ FAULT_CATALOGUE }, { faultListLines }] = await Promise.all([
      import('../faults/catalogue.ts'),
      import('./fault-list.ts'),
    ]);
    for (const line of faultListLines(FAULT_CATALOGUE)) console.log(line);
    return 0;
  }
  for (const line of emulatorEnvFileWarnings(envFileOrNone(), process.env))
    console.error(`emulator: ${line}`);
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    // Loaded once the command line is good: a usage error need not load Fastify and the emulator
    // (most of a refused start's 0.7 s of CPU on Node 20).
    const { startEmulator } = await import('../index.ts');
    running = await startEmulator({ ...command.options, logLevel: command.options.logLevel ?? 'warn' });
  } catch (error) {
    if (error instanceof EmulatorOptionsError) return usageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    const { port, address } = error as { port?: number; address?: string };
    // A port the environment chose is changed there, not with a flag the user never gave.
    const fromEnv = command.portSetting === 'MDE_EMULATOR_PORT';
    const where = `port ${port} on ${address}${fromEnv ? ' (MDE_EMULATOR_PORT)' : ''}`;
    const another = fromEnv
      ? 'choose another with MDE_EMULATOR_PORT=<n>, or MDE_EMULATOR_PORT=0 for any free port'
      : 'choose another with --port <n>, or --port 0 for any free port';
    if (code === 'EADDRINUSE')
      return usageError(`${where} is in use: stop what listens there, or ${another}`);
    if (code === 'EADDRNOTAVAIL')
      return usageError(
        `${command.hostSetting} ${address ?? command.options.host} is no address of this machine (EADDRNOTAVAIL): give one of its own, such as 127.0.0.1 (the default), and keep the emulator on loopback`,
      );
    // A port below 1024 without the privilege to listen there.
    if (code === 'EACCES')
      return usageError(
        `${where} needs privileges this user lacks (EACCES): choose one from 1024 up${fromEnv ? ' with MDE_EMULATOR_PORT=<n>, or MDE_EMULATOR_PORT=0 for any free port' : ' with --port <n>, or --port 0 for any free port'}`,
      );
    // The host is looked up when listening: a name that does not resolve is a bad --host value.
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
      const host = (error as { hostname?: string }).hostname ?? command.options.host;
      return usageError(`${command.hostSetting} ${host}: no such address or name to listen on (${code})`);
    }
    throw error;
  }
  const [
    { contractHash, OPEN_POINTS, profileContractWarning },
    { tlsCertificateDatesWarning },
    { tlsCertificateHostWarning },
    { readProfileFile },
  ] = await Promise.all([
    import('../../contract/index.ts'),
    import('../identity/tls-certificate-dates.ts'),
    import('../identity/tls-certificate-host.ts'),
    import('../profiles/profile-document.ts'),
  ]);
  const info = running.app.emulator;
  const { base, file, fileReadings, name } = info.profile;
  const others = OPEN_POINTS.length - (fileReadings ?? 0);
  console.log(`MDE reference emulator listening on ${running.url}`);
  // The suite reaches any port (node:http); a user's own fetch()-based automation would fail to connect.
  const port = Number(new URL(running.url).port);
  if (isFetchBadPort(port))
    console.error(
      `emulator: warning: fetch() clients (browsers, Node's fetch) refuse port ${port}, a "bad port" of the Fetch standard; the suite reaches it, but choose another with --port <n> if your own automation uses fetch()`,
    );
  const { tlsCertFile } = command.options;
  const outOfDates =
    tlsCertFile && running.certificatePem
      ? tlsCertificateDatesWarning(running.certificatePem, tlsCertFile)
      : undefined;
  if (outOfDates) console.error(`emulator: ${outOfDates}`);
  const otherHost =
    tlsCertFile && running.certificatePem
      ? tlsCertificateHostWarning(running.certificatePem, tlsCertFile, running.url)
      : undefined;
  if (otherHost) console.error(`emulator: ${otherHost}`);
  const exposed = exposureWarning(running.url, info.options.control);
  if (exposed) console.error(`emulator: ${exposed}`);
  // Before the profile line, which tools (and the tests) wait for as the last of the start.
  const contractWarning = file && profileContractWarning(readProfileFile(file), file, contractHash());
  if (contractWarning) console.error(`emulator: ${contractWarning}`);
  if (running.certificateFile)
    console.log(
      `TLS certificate (self-signed for localhost, 127.0.0.1, ::1): ${resolve(running.certificateFile)}; ` +
        `trust it with NODE_EXTRA_CA_CERTS=${running.certificateFile} (Node); in Python, a requests.Session with verify= that file and trust_env = False (docs/test-your-automation.md)`,
    );
  console.log(
    `profile ${file ? `${base} with ${file} read over it (${fileReadings} of ${OPEN_POINTS.length} points; the other ${others} as ${base})` : name}; ` +
      `faults ${info.faults.list().join(',') || 'none'}; ` +
      `rate limits ${info.options.rateLimits ? 'on' : 'off'}; control ${info.options.control ? 'on (/_emulator/*)' : 'off'}`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // `kill` of `npm run emulator` reaches npm's shell, not this process: the port stayed taken.
    stopWhenOrphaned(stop);
  });
  await running.close();
  return 0;
}

// One line per problem (a seed file may have several), each saying what to fix.
function usageError(message: string): number {
  const lines = message.split('\n');
  lines[lines.length - 1] += ' (see --help)';
  for (const line of lines) console.error(`emulator: ${line}`);
  return 2;
}

main().then(exitAfterOutput, (error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`);
  exitAfterOutput(1);
});
