// tsx compiles each module on its first import through esbuild's service, a child process in the
// script's process group: a Ctrl-C in a run's first seconds ends that service too, and the next import
// fails ("TransformError: The service is no longer running"). Until the run begins, the first SIGINT or
// SIGTERM ends the script with one plain line; after, it is only noted, so that an import the signal
// broke is told as the stop it is.
import { disarmEarlyStop, STOPPED_EXIT, stoppedLine } from './early-stop.mjs';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

// esbuild's words for its service having gone (tsx passes them on as a TransformError).
const SERVICE_GONE = /The service (is no longer running|was stopped)/;

export interface StopBeforeStart {
  // The run has begun (its runner spawned, which handles signals from now on): note them only.
  began(): void;
  // The line for an error a signal caused, or undefined for any other error.
  explain(error: unknown): string | undefined;
  dispose(): void;
}

export interface StopOptions {
  say?: (line: string) => void;
  exit?: (code: number) => void;
}

export function stopBeforeStart(
  script: string,
  { say = (line) => console.error(line), exit = (code) => process.exit(code) }: StopOptions = {},
): StopBeforeStart {
  let signal: string | undefined;
  let begun = false;
  const line = (name: string) => stoppedLine(script, name);
  const onSignal = (name: string) => {
    signal ??= name;
    if (begun) return;
    say(line(name));
    exit(STOPPED_EXIT);
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  // The preload's handlers (armed while tsx loaded) give way, with no moment left unhandled between.
  disarmEarlyStop();
  return {
    began: () => {
      begun = true;
    },
    // Once the run has begun its reporters may have written its report: "the last run's reports as
    // they were" would then be false of reports/ (a tenant run stopped so said it of its own report).
    explain: (error) => {
      if (signal === undefined || !SERVICE_GONE.test(String((error as Error)?.message ?? error)))
        return undefined;
      return begun ? endedLine(script, signal) : line(signal);
    },
    dispose: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}

function endedLine(script: string, signal: string): string {
  return `${script}: stopped by ${signal} as the run ended, before its last steps could load (the signal also ended tsx's compiler): reports/ holds what its reporters wrote, but no Allure report or leak scan of it; npm run report makes them from its records`;
}
