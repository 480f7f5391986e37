// Runs Microsoft's identity libraries (@azure/msal-node, @azure/identity) against an HTTPS emulator, as a
// team's automation would: in its own Node process, trusting the emulator's certificate through
// NODE_EXTRA_CA_CERTS (read only when a process starts, hence a child process). Scenarios arrive as JSON
// on stdin (never on the command line: they hold secrets); one JSON result per scenario goes to stdout.
import { readFileSync } from 'node:fs';

const { authorityHost, tenantId, scope, scenarios } = JSON.parse(readFileSync(0, 'utf8'));

async function msalToken(scenario) {
  const { ConfidentialClientApplication } = await import('@azure/msal-node');
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: scenario.clientId,
      authority: `${authorityHost}/${tenantId}`,
      // The one switch msal-node needs for an authority it does not know: no instance discovery.
      knownAuthorities: [new URL(authorityHost).host],
      ...scenario.msal,
    },
  });
  const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
  return result?.accessToken;
}

async function identityToken(scenario) {
  const identity = await import('@azure/identity');
  // The one switch @azure/identity needs: no instance discovery (it asks login.microsoftonline.com).
  const options = { authorityHost, disableInstanceDiscovery: true };
  const credential =
    scenario.kind === 'secret'
      ? new identity.ClientSecretCredential(tenantId, scenario.clientId, scenario.secret, options)
      : scenario.kind === 'certificate'
        ? new identity.ClientCertificateCredential(
            tenantId,
            scenario.clientId,
            { certificate: scenario.certificateWithKey },
            options,
          )
        : new identity.ClientAssertionCredential(
            tenantId,
            scenario.clientId,
            async () => scenario.assertion,
            options,
          );
  return (await credential.getToken(scope))?.token;
}

for (const scenario of scenarios) {
  try {
    const token = await (scenario.library === 'msal' ? msalToken(scenario) : identityToken(scenario));
    process.stdout.write(`${JSON.stringify({ name: scenario.name, token })}\n`);
  } catch (error) {
    // msal-node throws a ServerError (errorCode, errorNo); @azure/identity turns it into an
    // AuthenticationRequiredError whose message alone keeps Entra's answer ("invalid_client: ...").
    const message = String(error.errorMessage ?? error.message);
    process.stdout.write(
      `${JSON.stringify({
        name: scenario.name,
        error: {
          type: error.name,
          code: error.errorCode ?? /^([a-z_]+): /.exec(message)?.[1],
          number: String(error.errorNo ?? /AADSTS(\d+)/.exec(message)?.[1] ?? ''),
          message,
        },
      })}\n`,
    );
  }
}
