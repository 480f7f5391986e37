import { editDistance } from '../../common/edit-distance.ts';
import { ENV_SCHEMA, schemaOf } from './env-schema.ts';
import type { Env } from './read-env.ts';

// MDE_* names read outside the configuration: by the reporters, the emulator's command line and the
// self-test, and those the scripts set for their children (docs/interfaces.md).
export const READ_ELSEWHERE = [
  'MDE_BASELINE',
  'MDE_REQUIRE_MUST_COVERAGE',
  'MDE_REPORT_SINGLE_FILE',
  'MDE_COMPLIANCE_RECORDS',
  'MDE_REPORTS_DIR',
  'MDE_EMULATOR_PORT',
  'MDE_EMULATOR_HOST',
  'MDE_SELFTEST_ONLY',
  'MDE_SELFTEST_WORKERS',
  'MDE_SELFTEST_REHEARSAL_PROFILE',
  'MDE_SELFTEST_CONFIG',
  'MDE_RUN_PLAN',
  'MDE_EMBEDDED_EMULATORS_FILE',
  'MDE_SECRETS_FINGERPRINTS_FILE',
  'MDE_TIMINGS_FILE',
];

// One line per MDE_* variable that nothing reads: a misspelt safety switch (MDE_ALLOW_WRITE) or quota
// (MDE_QUOTA) would otherwise leave its default in force, unnoticed.
export function unknownVariableWarnings(env: Env): string[] {
  // Suggestions are settings a user sets, never the names the scripts set for their children.
  const known = [
    ...Object.keys(ENV_SCHEMA.properties as object),
    'MDE_BASELINE',
    'MDE_REPORT_SINGLE_FILE',
    'MDE_REQUIRE_MUST_COVERAGE',
  ];
  return (
    Object.keys(env)
      // MDE-TARGET too: a name with hyphens is a name to dotenv, and no setting.
      .filter((name) => /^mde[_-]/i.test(name) && !schemaOf(name) && !READ_ELSEWHERE.includes(name))
      .map((name) => {
        const upper = name.toUpperCase().replace(/-/g, '_');
        const guess = closest(upper, known) ?? originMeant(upper) ?? caMeant(upper);
        return `warning: ${name} is not a setting of this suite and is ignored${guess ? `; did you mean ${guess}?` : ''} (docs/interfaces.md lists them)`;
      })
  );
}

// Another tool's name for where the target is (MDE_EMULATOR_URL, MDE_TOKEN_ENDPOINT, MDE_AUTHORITY_HOST)
// is far in edits from every setting, yet plainly one of the three origins: left unguessed, the run
// went on to the default origin and said only that nothing answered there.
function originMeant(name: string): string | undefined {
  if (!/(URL|URI|ENDPOINT|ORIGIN|HOST|ADDRESS|ADDR|SERVER)S?$/.test(name)) return undefined;
  if (/CONTROL/.test(name)) return 'MDE_CONTROL_BASE_URL';
  if (/AUTH|TOKEN|LOGIN|ENTRA|AAD|IDENTITY|OAUTH/.test(name)) return 'MDE_AUTH_BASE_URL';
  return 'MDE_API_BASE_URL';
}

// A certificate to trust (MDE_CA_BUNDLE, MDE_CA_CERTS, MDE_TRUSTED_CERTS): the suite has no setting of
// its own for it; Node reads NODE_EXTRA_CA_CERTS. Left unguessed, the run's next line was the TLS error.
function caMeant(name: string): string | undefined {
  return /(^|_)(CA|CAS|CACERTS?|CABUNDLE|CAFILE|TRUST|TRUSTED|ROOT|TLS|SSL)(_|$)/.test(name)
    ? 'NODE_EXTRA_CA_CERTS, which Node reads from the environment as it starts'
    : undefined;
}

// The known name it begins, or the nearest in edits if near enough to be a typo.
function closest(name: string, known: string[]): string | undefined {
  const begun = known.find((candidate) => candidate.startsWith(name));
  if (begun) return begun;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 5)) ? best.name : undefined;
}
