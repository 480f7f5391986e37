import { randomBytes, randomUUID } from 'node:crypto';
import { ControlProtocolError } from '../errors.ts';
import { noVerdict } from '../evidence/no-verdict.ts';
import { acquireToken, type Token, TokenError } from '../identity/client-secret-flow.ts';
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
    // MDE_REQUEST_TIMEOUT_SECONDS: the token endpoint is one more exchange of the run.
    private readonly timeoutMs = 10_000,
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

  // The whole token answer: its lifetime says when the driver renews it (token-leases.ts). An app the
  // control protocol registered is the emulator's to sign in: a refusal, or an answer that is no token,
  // ends the test without a verdict, blamed on the target, as a control call that fails does.
  async acquire(app: App, scope: string): Promise<Token> {
    try {
      return await acquireToken({ authBaseUrl: this.authBaseUrl, ...app, scope, timeoutMs: this.timeoutMs });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      throw noVerdict(
        new ControlProtocolError(
          error.url,
          error.status,
          `${error.reason.replace(/\.$/, '')}; asked for a token for ${scope} of an app it registered, expected 200 with access_token and expires_in (docs/interfaces.md#emulator-token-endpoint)`,
        ),
      );
    }
  }
}
