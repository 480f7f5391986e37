// Once the tests have ended, the script writes the run's evidence (the Allure report, the leak scan):
// a second or so. A Ctrl-C or SIGTERM then (a cancelled CI job often sends one late) killed the script
// half-way: no Allure report, no leak scan, yet a report saying the run was whole. The first signal
// now waits for that work; a second one ends the script at once, as a second Ctrl-C would.
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;

export async function holdSignalsWhile<T>(
  work: () => Promise<T>,
  say: (line: string) => void = (line) => console.error(line),
  exit: (code: number) => void = (code) => process.exit(code),
): Promise<T> {
  let held = false;
  const hold = (signal: (typeof SIGNALS)[number]) => {
    if (held) return exit(EXIT_CODE[signal]);
    held = true;
    say(`${signal}: the tests have ended; finishing this run's evidence first (send it again to stop now)`);
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  try {
    return await work();
  } finally {
    for (const signal of SIGNALS) process.off(signal, hold);
  }
}
