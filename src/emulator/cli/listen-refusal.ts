import type { CliCommand } from './args.ts';

type RunCommand = Extract<CliCommand, { kind: 'run' }>;

// Why the emulator could not listen, as a usage line that names the setting to change (the flag or
// the variable the user gave); undefined for an error that is no fault of the command line.
export function listenRefusal(error: unknown, command: RunCommand): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  const { port, address } = error as { port?: number; address?: string };
  // A port the environment chose is changed there, not with a flag the user never gave.
  const fromEnv = command.portSetting === 'MDE_EMULATOR_PORT';
  const where = `port ${port} on ${address}${fromEnv ? ' (MDE_EMULATOR_PORT)' : ''}`;
  const another = fromEnv
    ? 'choose another with MDE_EMULATOR_PORT=<n>, or MDE_EMULATOR_PORT=0 for any free port'
    : 'choose another with --port <n>, or --port 0 for any free port';
  if (code === 'EADDRINUSE') return `${where} is in use: stop what listens there, or ${another}`;
  if (code === 'EADDRNOTAVAIL')
    return `${command.hostSetting} ${address ?? command.options.host} is no address of this machine (EADDRNOTAVAIL): give one of its own, such as 127.0.0.1 (the default), and keep the emulator on loopback`;
  // A port below 1024 without the privilege to listen there.
  if (code === 'EACCES')
    return `${where} needs privileges this user lacks (EACCES): choose one from 1024 up${fromEnv ? ' with MDE_EMULATOR_PORT=<n>, or MDE_EMULATOR_PORT=0 for any free port' : ' with --port <n>, or --port 0 for any free port'}`;
  // The host is looked up when listening: a name that does not resolve is a bad --host value.
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    const host = (error as { hostname?: string }).hostname ?? command.options.host;
    return `${command.hostSetting} ${host}: no such address or name to listen on (${code})`;
  }
  return undefined;
}
