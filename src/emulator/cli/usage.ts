import { builtInProfiles } from '../profiles/built-in-profiles.ts';

// The command line's usage: what --help prints, the defaults it states, and the error of a command line
// that does not follow it.

export class CliUsageError extends Error {}

// What `npm run emulator` logs without --log-level (programs using startEmulator choose their own).
export const DEFAULT_LOG_LEVEL = 'warn';

export const USAGE = `Usage: npm run emulator -- [options]

Starts the reference emulator of the Defender for Endpoint machine actions API until interrupted.

  --port N             port to listen on (default 4010; 0 = any free port)      env MDE_EMULATOR_PORT
  --host HOST          interface to bind (default 127.0.0.1)                     env MDE_EMULATOR_HOST
  --profile NAME       a built-in profile (default: default)                     env MDE_EMULATOR_PROFILE
                       ${Object.keys(builtInProfiles()).join(', ')}
  --profile-file FILE  answer the open points as FILE says, over --profile        env MDE_EMULATOR_PROFILE_FILE
  --fault NAME         switch on a deliberate violation; repeat or comma-separate env MDE_EMULATOR_FAULTS
  --rate-limits on|off off lifts every rate limit (default on)
  --no-control         no /_emulator/* routes: play a real tenant (use --seed)
  --seed FILE.json     apps, machines and actions to load at start
  --https              serve HTTPS (self-signed certificate for localhost,       env MDE_EMULATOR_HTTPS=true
                       127.0.0.1 and ::1, made at start)
  --tls-cert FILE      serve this PEM certificate instead (with --tls-key FILE)
  --tls-cert-out FILE  where the generated certificate's PEM is written (default .emulator/tls-cert.pem)
  --log-level LEVEL    fatal | error | warn | info | debug | trace | silent (default ${DEFAULT_LOG_LEVEL})
  --list-faults        print the fault catalogue and exit
  --help               this text`;

// What --help prints: the usage, and how many faults the catalogue holds (passed in, so that a command
// line read against USAGE does not load the catalogue).
export function helpText(faultCount: number): string {
  return `${USAGE}\n\nFaults: ${faultCount} known; see docs/emulator.md or --list-faults.`;
}

// The generated certificate's PEM, relative to where the emulator is started (git-ignored).
export const DEFAULT_TLS_CERT_OUT = '.emulator/tls-cert.pem';
