import type { Static } from '@sinclair/typebox';
import { CLIENT_ID_FIX, choice, clientId, file, flag, GUID, origin, secret } from './env-value-kinds.ts';
import { Type } from './schema-builders.ts';

// Every environment variable the configuration reads, described once: the ajv validator, the
// TypeScript type and the messages come from here, and .env.example documents the same names (a test
// checks). Keywords beside the standard ones:
//   fix       what a valid value looks like; a bad value reads "ConfigError: <NAME> <fix> (got "...")"
//   fallback  the Azure SDK namesake read when the variable is unset (tenant mode only)
//   writeOnly a secret: never echoed in a message, registered with the redactor
//   quiet     an id: a bad value is described by its length, never echoed (a secret pasted into the
//             wrong variable would otherwise be printed)
//   url       a URL: a bad value is echoed without its credentials, query and fragment (shown-url.ts)
// Variables read elsewhere (MDE_BASELINE and MDE_REPORT_SINGLE_FILE by the reporters, the emulator's
// own CLI variables, those the scripts set for their children) are not read by the configuration.
export const ENV_KEYWORDS = ['fix', 'fallback', 'quiet', 'url'];

// "Per API", the documentation's word for whom a limit counts, reads as per operation; a tenant may count
// every call of an app together (docs/contract.md#rate-limit-keying), and its 429s then end tests early.
export const QUOTA_SCOPES = ['operation', 'app'] as const;

const CREDENTIAL_KINDS = ['secret', 'certificate', 'federated', 'github-oidc', 'default'] as const;

export const ENV_SCHEMA = Type.Object(
  {
    // --- target
    MDE_TARGET: choice(
      ['embedded', 'emulator', 'tenant'] as const,
      'embedded: start the bundled emulator; emulator: one already running; tenant: a real tenant',
      'embedded',
    ),
    MDE_API_BASE_URL: origin(
      'API origin (tenant: a documented host or loopback)',
      'https://api.securitycenter.microsoft.com or http://127.0.0.1:4010',
    ),
    MDE_AUTH_BASE_URL: origin(
      'authority origin',
      'https://login.microsoftonline.com or http://127.0.0.1:4010',
      'AZURE_AUTHORITY_HOST',
    ),
    MDE_CONTROL_BASE_URL: origin('origin of the emulator control protocol', 'http://127.0.0.1:4010'),
    MDE_SCOPE: Type.Optional(
      Type.String({
        // A resource URI, or the resource's application id as Entra ID also takes it.
        pattern:
          '^((https?|api)://\\S+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/\\.default$',
        description: 'token scope',
        fix: 'must be a resource URI or application id ending in "/.default", e.g. https://api.securitycenter.microsoft.com/.default',
      }),
    ),
    MDE_REQUEST_TIMEOUT_SECONDS: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        description: 'how long one HTTP exchange may take before it counts as lost',
        fix: 'must be a number of seconds above 0, e.g. 10',
      }),
    ),
    MDE_RUN_ID: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9._-]{1,64}$',
        description: 'tags what a run creates and names its ledgers',
        fix: 'must be letters, digits, ".", "_" or "-", at most 64',
      }),
    ),
    // --- embedded emulator
    MDE_EMULATOR_PROFILE: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]+$',
        description: 'built-in emulator profile',
        fix: 'must be a built-in profile name, in lower case, such as default or strict-odata (`npm run emulator -- --help` lists them; docs/emulator.md describes them); a profile file goes to MDE_EMULATOR_PROFILE_FILE',
      }),
    ),
    MDE_EMULATOR_PROFILE_FILE: file('a profile file: how the emulator answers the open points'),
    MDE_EMULATOR_FAULTS: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*\\s*,?$',
        description: 'deliberate violations to switch on',
        fix: 'must be fault names, in lower case, separated by commas, e.g. cancel-new-id,rate-hour-absent (`npm run emulator -- --list-faults` lists them)',
      }),
    ),
    MDE_EMULATOR_HTTPS: flag('the embedded emulators serve HTTPS with a generated certificate'),
    // --- tenant identity
    MDE_TENANT_ID: Type.Optional(
      Type.String({
        pattern: GUID,
        description: 'tenant GUID',
        fix: 'must be a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47 (the Directory (tenant) ID)',
        quiet: true,
        fallback: 'AZURE_TENANT_ID',
      }),
    ),
    MDE_CREDENTIAL: Type.Optional(choice(CREDENTIAL_KINDS, 'how the operator app signs in')),
    MDE_CLIENT_ID: clientId('operator app (Machine.Scan, Machine.Read.All)', 'AZURE_CLIENT_ID'),
    MDE_CLIENT_SECRET: secret('operator app client secret', 'AZURE_CLIENT_SECRET'),
    MDE_CLIENT_CERTIFICATE_PATH: file(
      'PEM with the operator certificate and its private key',
      'AZURE_CLIENT_CERTIFICATE_PATH',
    ),
    MDE_FEDERATED_TOKEN_FILE: file(
      'federated identity token (workload identity)',
      'AZURE_FEDERATED_TOKEN_FILE',
    ),
    MDE_LIMITED_CLIENT_ID: clientId('app holding none of the seven action roles'),
    MDE_LIMITED_CLIENT_SECRET: secret('limited app client secret'),
    MDE_LIMITED_CLIENT_CERTIFICATE_PATH: file('PEM with the limited app certificate and its private key'),
    ACTIONS_ID_TOKEN_REQUEST_URL: Type.Optional(
      Type.String({ description: 'set by GitHub Actions for a job with id-token: write' }),
    ),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: secret('set by GitHub Actions for a job with id-token: write'),
    // --- tenant safety switches
    MDE_MACHINE_ID: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9-]{8,64}$',
        description: 'the one device on which quick scans may be started',
        fix: 'must be the device id (usually 40 hexadecimal characters)',
      }),
    ),
    MDE_ALLOW_WRITES: flag('create and cancel quick scans on MDE_MACHINE_ID'),
    MDE_ALLOW_THROTTLING: flag('run the tests that exhaust the minute rate limit'),
    MDE_ALLOW_HOUR_THROTTLING: flag('also exhaust the hour limit'),
    MDE_QUOTA_SHARE: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      default: 0.5,
      description: 'fraction of each documented rate limit this run may use',
      fix: 'must be a number above 0 and at most 1',
    }),
    MDE_QUOTA_SCOPE: choice(
      QUOTA_SCOPES,
      "what the share is of: each operation's limit (operation), or every call of an app together (app)",
      'operation',
    ),
  },
  {
    // One app per action role: MDE_ROLE_<ROLE>_CLIENT_ID with _CLIENT_SECRET or _CLIENT_CERTIFICATE_PATH.
    patternProperties: {
      '^MDE_ROLE_[A-Z]+_CLIENT_ID$': Type.String({
        pattern: GUID,
        description: 'app holding only that action role',
        fix: CLIENT_ID_FIX,
        quiet: true,
      }),
      '^MDE_ROLE_[A-Z]+_CLIENT_SECRET$': Type.String({ writeOnly: true, description: 'its client secret' }),
      '^MDE_ROLE_[A-Z]+_CLIENT_CERTIFICATE_PATH$': Type.String({
        description: 'PEM with its certificate and private key',
      }),
    },
  },
);

export type EnvValues = Static<typeof ENV_SCHEMA>;

// What the schema says about one variable, including the role variables matched by pattern.
export interface VariableSchema {
  type?: string;
  description?: string;
  fix?: string;
  fallback?: string;
  writeOnly?: boolean;
  quiet?: boolean;
  url?: boolean;
  // A choice (MDE_TARGET, MDE_CREDENTIAL): its values.
  enum?: readonly string[];
}

export function schemaOf(name: string): VariableSchema | undefined {
  const known = (ENV_SCHEMA.properties as Record<string, VariableSchema>)[name];
  if (known) return known;
  const patterns = ENV_SCHEMA.patternProperties as Record<string, VariableSchema>;
  const match = Object.keys(patterns).find((pattern) => new RegExp(pattern).test(name));
  return match ? patterns[match] : undefined;
}

// "set it (or AZURE_CLIENT_ID)": a message asking for a tenant variable names the namesake read in its
// place, so a pipeline set up for the Azure SDKs sees it can use the name it already has.
export function setIt(name: string): string {
  const fallback = schemaOf(name)?.fallback;
  return fallback ? `set it (or ${fallback})` : 'set it';
}
