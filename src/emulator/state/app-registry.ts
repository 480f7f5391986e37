import type { ControlApp } from '../../contract/index.ts';

// App registrations per tenant, as the token endpoint sees them (the control protocol's shape, checked
// by state/seed.ts: at least one credential, a certificate PEM without its private key).
export type AppRegistration = ControlApp;

export class AppRegistry {
  readonly #apps = new Map<string, AppRegistration>();
  // Tenants with at least one app: the ones the token endpoint and the discovery documents know.
  readonly #tenants = new Map<string, number>();

  register(app: AppRegistration): AppRegistration {
    const id = key(app.tenantId, app.clientId);
    if (!this.#apps.has(id)) this.#tenants.set(tenant(app.tenantId), this.#appsIn(app.tenantId) + 1);
    this.#apps.set(id, { ...app, roles: [...app.roles] });
    return app;
  }

  find(tenantId: string, clientId: string): AppRegistration | undefined {
    return this.#apps.get(key(tenantId, clientId));
  }

  hasTenant(tenantId: string): boolean {
    return this.#appsIn(tenantId) > 0;
  }

  clear(): void {
    this.#apps.clear();
    this.#tenants.clear();
  }

  #appsIn(tenantId: string): number {
    return this.#tenants.get(tenant(tenantId)) ?? 0;
  }
}

// Tenant ids are GUIDs, compared without case (msal-node lowercases the authority); client ids too.
function key(tenantId: string, clientId: string): string {
  return `${tenant(tenantId)}/${clientId.toLowerCase()}`;
}

function tenant(tenantId: string): string {
  return tenantId.toLowerCase();
}
