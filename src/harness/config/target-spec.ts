import type { TenantCredentials } from './credential-spec.ts';
import type { QUOTA_SCOPES } from './env-schema.ts';
import { tenantKey } from './tenant-key.ts';

// What the suite runs against. A TargetSpec is a Playwright worker option (`use: { target }`), so it
// holds no secret: a tenant's credentials are specs naming where each secret lives (a variable, a
// file), read by whoever signs in (readSecret).

export type TargetMode = 'embedded' | 'emulator' | 'tenant';

export interface EmbeddedTarget {
  mode: 'embedded';
  // Emulator profile (a conforming reading of the contract's open points); the emulator's default if unset.
  profile?: string;
  // A profile file (absolute path) read over `profile`: the emulator answers the open points it reads
  // as the file says (docs/interfaces.md#profile-file).
  profileFile?: string;
  // The emulators serve HTTPS with a generated self-signed certificate.
  https?: boolean;
  // Deliberate violations to switch on (the self-test matrix uses them).
  faults?: string[];
  // Token scope the suite asks for.
  scope?: string;
}

export interface EmulatorTarget {
  mode: 'emulator';
  // API origin, e.g. http://127.0.0.1:4010.
  apiBaseUrl: string;
  // One emulator per parallel worker slot (API, token and control on each origin): the run may then
  // spread the target's tests over its workers, each moving its own clock (the self-test does).
  slots?: string[];
  // Authority origin; the token endpoint is {authBaseUrl}/{tenantId}/oauth2/v2.0/token.
  authBaseUrl?: string;
  // Origin of the control protocol (docs/interfaces.md#control-protocol).
  controlBaseUrl?: string;
  scope?: string;
}

// The variables the authority, the tenant id and the operator app's id were read from, where that was
// an Azure SDK namesake (AZURE_AUTHORITY_HOST, AZURE_TENANT_ID, AZURE_CLIENT_ID) of an unset MDE_* one:
// messages name the variable the user set. Absent: MDE_AUTH_BASE_URL, MDE_TENANT_ID, MDE_CLIENT_ID.
export interface NamesakeVariables {
  authBaseUrl?: string;
  tenantId?: string;
  clientId?: string;
}

export interface TenantTarget {
  mode: 'tenant';
  apiBaseUrl: string;
  authBaseUrl: string;
  tenantId: string;
  variables?: NamesakeVariables;
  scope: string;
  // The one device on which quick antivirus scans may be started (and cancelled at once).
  machineId?: string;
  allowWrites: boolean;
  allowThrottling: boolean;
  allowHourThrottling: boolean;
  // Fraction (0..1] of each documented rate limit this run may use.
  quotaShare: number;
  // Whether the share is counted per operation or over all of an app's calls (MDE_QUOTA_SCOPE).
  quotaScope: (typeof QUOTA_SCOPES)[number];
  // How the operator, the limited app and the per-role apps sign in.
  credentials: TenantCredentials;
}

export type TargetSpec = EmbeddedTarget | EmulatorTarget | TenantTarget;

// A one-line description for reports and the Playwright metadata; never a secret or a client id. A
// tenant's names its directory by key (tenant-key.ts), so staging and production behind one host differ.
export function describeTarget(target: TargetSpec): string {
  switch (target.mode) {
    case 'embedded': {
      const extras = [
        target.profile && `profile ${target.profile}`,
        target.profileFile && `profile file ${target.profileFile}`,
        target.faults?.length && `faults ${target.faults.join(',')}`,
        target.https && 'https',
      ].filter(Boolean);
      return `embedded reference emulator${extras.length ? ` (${extras.join('; ')})` : ''}`;
    }
    case 'emulator':
      return `emulator at ${target.apiBaseUrl}`;
    case 'tenant':
      return `tenant ${tenantKey(target.apiBaseUrl, target.tenantId)} at ${target.apiBaseUrl} (sign-in ${target.credentials.operator.kind}, writes ${target.allowWrites ? 'allowed' : 'off'}, throttling ${target.allowThrottling ? 'allowed' : 'off'}, quota share ${target.quotaShare})`;
  }
}
