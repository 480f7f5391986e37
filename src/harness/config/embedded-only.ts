import type { Env } from './read-env.ts';
import type { TargetMode } from './target-spec.ts';

// The MDE_EMULATOR_* variables configure only the emulators MDE_TARGET=embedded starts. With another
// target they are ignored, not refused (a .env may keep them while the user switches targets), so a
// run warns instead: a fault the user believes on would otherwise pass clean, unnoticed.

// Each variable with the option of `npm run emulator` that does the same for an emulator started apart.
const EMBEDDED_ONLY: { variable: string; option: (value: string) => string | undefined }[] = [
  { variable: 'MDE_EMULATOR_PROFILE', option: (value) => `--profile ${value}` },
  { variable: 'MDE_EMULATOR_PROFILE_FILE', option: (value) => `--profile-file ${value}` },
  {
    variable: 'MDE_EMULATOR_FAULTS',
    option: (value) =>
      `--fault ${value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(',')}`,
  },
  // false is the default (and what .env.example sets): nothing is lost by ignoring it.
  { variable: 'MDE_EMULATOR_HTTPS', option: (value) => (/^(true|1)$/i.test(value) ? '--https' : undefined) },
];

// One line per MDE_EMULATOR_* variable set that the target `mode` ignores; none for the embedded target.
export function embeddedOnlyWarnings(env: Env, mode: TargetMode): string[] {
  if (mode === 'embedded') return [];
  const lines: string[] = [];
  for (const { variable, option } of EMBEDDED_ONLY) {
    const value = env[variable]?.trim();
    const flag = value && option(value);
    if (flag)
      lines.push(
        `warning: ${variable} is ignored with MDE_TARGET=${mode}: it applies only to MDE_TARGET=embedded; ` +
          `to get the same from an emulator you start yourself, run \`npm run emulator -- ${flag}\``,
      );
  }
  return lines;
}
