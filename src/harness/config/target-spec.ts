// What the suite runs against. A TargetSpec is a Playwright worker option (`use: { target }`), so it
// holds no secret: credentials stay in the environment and are read by the tenant driver only.

export type TargetMode = 'embedded' | 'emulator' | 'tenant';

export interface EmbeddedTarget {
  mode: 'embedded';
  // Emulator profile (a conforming reading of the contract's open points); the emulator's default if unset.
  profile?: string;
  // Deliberate violations to switch on (the self-test matrix uses them).
  faults?: string[];
  // Token scope the suite asks for.
  scope?: string;
}

export interface EmulatorTarget {
  mode: 'emulator';
  // API origin, e.g. http://127.0.0.1:4010.
  apiBaseUrl: string;
  // Authority origin; the token endpoint is {authBaseUrl}/{tenantId}/oauth2/v2.0/token.
  authBaseUrl?: string;
  // Origin of the control protocol (interfaces.md section 3).
  controlBaseUrl?: string;
  scope?: string;
}

export interface TenantTarget {
  mode: 'tenant';
  apiBaseUrl: string;
  authBaseUrl: string;
  tenantId: string;
  scope: string;
  // The one device on which quick antivirus scans may be started (and cancelled at once).
  machineId?: string;
  allowWrites: boolean;
  allowThrottling: boolean;
  allowHourThrottling: boolean;
  // Fraction (0..1] of each documented rate limit this run may use.
  quotaShare: number;
}

export type TargetSpec = EmbeddedTarget | EmulatorTarget | TenantTarget;

// A one-line description for reports and the Playwright metadata; never a secret or a client id.
export function describeTarget(target: TargetSpec): string {
  switch (target.mode) {
    case 'embedded': {
      const extras = [
        target.profile && `profile ${target.profile}`,
        target.faults?.length && `faults ${target.faults.join(',')}`,
      ].filter(Boolean);
      return `embedded reference emulator${extras.length ? ` (${extras.join('; ')})` : ''}`;
    }
    case 'emulator':
      return `emulator at ${target.apiBaseUrl}`;
    case 'tenant':
      return `tenant at ${target.apiBaseUrl} (writes ${target.allowWrites ? 'allowed' : 'off'}, throttling ${target.allowThrottling ? 'allowed' : 'off'})`;
  }
}
