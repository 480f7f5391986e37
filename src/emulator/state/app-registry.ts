import type { ControlApp } from '../../contract/index.ts';

// App registrations per tenant, as the token endpoint sees them (the control protocol's shape).
export type AppRegistration = ControlApp;

export class AppRegistry {
  readonly #apps = new Map<string, AppRegistration>();

  register(app: AppRegistration): AppRegistration {
    this.#apps.set(key(app.tenantId, app.clientId), { ...app, roles: [...app.roles] });
    return app;
  }

  find(tenantId: string, clientId: string): AppRegistration | undefined {
    return this.#apps.get(key(tenantId, clientId));
  }

  clear(): void {
    this.#apps.clear();
  }
}

// Tenant ids are GUIDs, compared without case; client ids too.
function key(tenantId: string, clientId: string): string {
  return `${tenantId.toLowerCase()}/${clientId.toLowerCase()}`;
}
