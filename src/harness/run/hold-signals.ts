// Once the tests have ended, the script writes the run's evidence (the Allure report, the leak scan):
// a second or so. A Ctrl-C or SIGTERM then (a cancelled CI job often sends one late) killed the script
// half-way: no Allure report, no leak scan, yet a report saying the run was whole. The first signal
// now waits for that work; a second one ends the script at once, as a second Ctrl-C would. The same
// holds for `npm run report` and `report:merge`, whose Allure child, in a process group of its own,
// went on writing allure-report/ after a Ctrl-C had ended them, unscanned by the leak scan.
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;

export interface HoldOptions {
  // What has happened when the signal comes: `npm run report` has run no test.
  ended?: string;
  say?: (line: string) => void;
  exit?: (code: number) => void;
}

export async function holdSignalsWhile<T>(
  work: () => Promise<T>,
  {
    ended = 'the tests have ended',
    say = (line) => console.error(line),
    exit = (code) => process.exit(code),
  }: HoldOptions = {},
): Promise<T> {
  let held = false;
  const hold = (signal: (typeof SIGNALS)[number]) => {
    if (held) return exit(EXIT_CODE[signal]);
    held = true;
    say(`${signal}: ${ended}; finishing this run's evidence first (send it again to stop now)`);
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  try {
    return await work();
  } finally {
    for (const signal of SIGNALS) process.off(signal, hold);
  }
}
