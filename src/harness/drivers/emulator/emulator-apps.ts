import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE } from '../../../contract/index.ts';
import { ControlProtocolError, NotApplicableError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import { acquireToken, type Token } from '../../identity/client-secret-flow.ts';
import { TokenError } from '../../identity/token-answer.ts';
import { recordIssuedSecret } from '../../redaction/secret-fingerprints.ts';
import type { ControlClient } from './control-client.ts';
import { rolesDiffer, tokenRoles } from './token-roles.ts';

export interface App {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

// The apps one emulator driver registers through the control protocol, once per key, and the tokens
// they get from the emulator's token endpoint. Secrets are made here and fingerprinted for the leak scan.
export class EmulatorApps {
  private readonly apps = new Map<string, Promise<App>>();
  // The roles each app (by client id) was registered with, which its tokens must carry.
  private readonly roles = new Map<string, readonly string[]>();

  constructor(
    private readonly control: ControlClient,
    private readonly authBaseUrl: string,
    // MDE_REQUEST_TIMEOUT_SECONDS: the token endpoint is one more exchange of the run.
    private readonly timeoutMs = 10_000,
    // Tokens for the API carry the app's roles; one for another resource (AUTH.AUDIENCE) need not.
    private readonly apiScope = DEFAULT_SCOPE,
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
      this.roles.set(created.clientId, [...roles]);
      app = this.control.registerApp({ ...created, roles: [...roles] }).then(() => created);
      app.catch(() => this.apps.delete(key));
      this.apps.set(key, app);
    }
    return app;
  }

  // The whole token answer: its lifetime says when the driver renews it (token-leases.ts). An app the
  // control protocol registered is the emulator's to sign in: a refusal, or an answer that is no token,
  // ends the test without a verdict, blamed on the target, as a control call that fails does. An
  // `optional` scope, one the emulator surface came to ask for later, refused (4xx) is N/A instead.
  async acquire(app: App, scope: string, optional = false): Promise<Token> {
    try {
      const token = await acquireToken({
        authBaseUrl: this.authBaseUrl,
        ...app,
        scope,
        timeoutMs: this.timeoutMs,
      });
      if (scope === this.apiScope) this.checkRoles(app, token);
      return token;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (optional && error.status !== undefined && error.status >= 400 && error.status < 500)
        throw new NotApplicableError(
          `the emulator's token endpoint issues no token for ${scope} (${error.reason.replace(/\.$/, '')})`,
        );
      throw noVerdict(
        new ControlProtocolError(
          this.tokenEndpoint,
          error.status,
          `${error.reason.replace(/\.$/, '')}; asked for a token for ${scope} of an app it registered, expected 200 with access_token and expires_in (docs/interfaces.md#emulator-token-endpoint)`,
        ),
      );
    }
  }

  // Each test's tenant is a random GUID of no use to the reader: the line names the endpoint alone.
  private get tokenEndpoint(): string {
    return `${this.authBaseUrl}/{tenantId}/oauth2/v2.0/token`;
  }

  // Recorded, not thrown: a test that passes was judged all the same, and one that fails (PERM.NONE
  // with a token that holds roles after all) was judged on a token the registration did not ask for.
  private checkRoles(app: App, token: Token): void {
    const registered = this.roles.get(app.clientId);
    const carried = tokenRoles(token.accessToken);
    if (!registered || !carried || !rolesDiffer(registered, carried)) return;
    noVerdict(
      new ControlProtocolError(
        this.tokenEndpoint,
        200,
        `a token carries roles [${carried.join(', ')}] where its app was registered with [${registered.join(', ')}]; its roles claim must be exactly the app's roles (docs/interfaces.md#emulator-token-endpoint)`,
      ),
    );
  }
}
