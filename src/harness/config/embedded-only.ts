import { asBoolean, commaList } from './env-values.ts';
import type { Env } from './read-env.ts';
import type { TargetMode } from './target-spec.ts';

// The suite applies the MDE_EMULATOR_* variables only to the emulators MDE_TARGET=embedded starts. With
// another target it does not apply them, and does not refuse them either (a .env may keep them while the
// user switches targets): it warns, since a fault the user believes on would otherwise pass unnoticed.
// An emulator the user started reads the same variables from its own environment, if they were there.

// Each variable with the option of `npm run emulator` that does the same for an emulator started apart.
const EMBEDDED_ONLY: { variable: string; option: (value: string) => string | undefined }[] = [
  { variable: 'MDE_EMULATOR_PROFILE', option: (value) => `--profile ${value}` },
  { variable: 'MDE_EMULATOR_PROFILE_FILE', option: (value) => `--profile-file ${value}` },
  { variable: 'MDE_EMULATOR_FAULTS', option: (value) => `--fault ${commaList(value).join(',')}` },
  // false is the default (and what .env.example sets): nothing is lost by ignoring it.
  {
    variable: 'MDE_EMULATOR_HTTPS',
    option: (value) => (asBoolean(value) === 'true' ? '--https' : undefined),
  },
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
        `warning: the suite does not apply ${variable} with MDE_TARGET=${mode} (only with embedded); ` +
          `an emulator you start applies it only if it is in that emulator's environment, or given as \`npm run emulator -- ${flag}\``,
      );
  }
  return lines;
}
