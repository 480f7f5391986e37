import type { NamesakeVariables } from '../config/target-spec.ts';

// Where an app signs in: {authBaseUrl}/{tenantId}, and the variables these were read from.
export interface Authority {
  authBaseUrl: string;
  tenantId: string;
  variables?: NamesakeVariables;
}

// The variable a message tells the user to check: the one they set, AZURE_AUTHORITY_HOST or
// AZURE_TENANT_ID included (.env.example promises it).
export function authorityVariable(authority: Authority, setting: 'authBaseUrl' | 'tenantId'): string {
  return (
    authority.variables?.[setting] ?? (setting === 'authBaseUrl' ? 'MDE_AUTH_BASE_URL' : 'MDE_TENANT_ID')
  );
}
