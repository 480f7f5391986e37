import { randomBytes, randomUUID } from 'node:crypto';
import { acquireToken } from '../identity/client-secret-flow.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';
import type { ControlClient } from './control-client.ts';

export interface App {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

// The apps one emulator driver registers through the control protocol, once per key, and the tokens
// they get from the emulator's token endpoint. Secrets are made here and fingerprinted for the leak scan.
export class EmulatorApps {
  private readonly apps = new Map<string, Promise<App>>();

  constructor(
    private readonly control: ControlClient,
    private readonly authBaseUrl: string,
  ) {}

  register(key: string, tenantId: string, roles: readonly string[]): Promise<App> {
    let app = this.apps.get(key);
    if (!app) {
      const created: App = {
        tenantId,
        clientId: randomUUID(),
        clientSecret: randomBytes(18).toString('base64url'),
      };
      recordIssuedSecret(created.clientSecret);
      app = this.control.registerApp({ ...created, roles: [...roles] }).then(() => created);
      app.catch(() => this.apps.delete(key));
      this.apps.set(key, app);
    }
    return app;
  }

  // The whole token answer: its lifetime says when the driver renews it (token-leases.ts).
  acquire(app: App, scope: string) {
    return acquireToken({ authBaseUrl: this.authBaseUrl, ...app, scope });
  }
}
