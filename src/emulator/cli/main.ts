// Entry point of `npm run emulator`: flags in, one line out, runs until SIGINT or SIGTERM.
import { exitAfterOutput } from '../../common/exit-after-output.ts';
import { stopWhenOrphaned } from '../../common/stop-when-orphaned.ts';
import type { startEmulator } from '../index.ts';
import { EmulatorOptionsError } from '../options-error.ts';
import { parseCli } from './args.ts';
import { emulatorEnvFileWarnings, envFileOrNone } from './env-file-settings.ts';
import { listenRefusal } from './listen-refusal.ts';
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
    const refusal = listenRefusal(error, command);
    if (refusal) return usageError(refusal);
    throw error;
  }
  const { writeStartedLines } = await import('./started-lines.ts');
  writeStartedLines(running, command.options, { stdout: console.log, stderr: console.error });
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
