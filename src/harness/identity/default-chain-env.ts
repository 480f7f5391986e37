import { readEnvFile } from '../config/read-env.ts';
import { registerSecret } from '../redaction/redact.ts';

// The variables the Azure default chain's credentials read from the environment (@azure/identity's
// EnvironmentCredential and WorkloadIdentityCredential).
const CHAIN_VARIABLES = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_CLIENT_SEND_CERTIFICATE_CHAIN',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_AUTHORITY_HOST',
  'AZURE_USERNAME',
  'AZURE_PASSWORD',
];

// The chain reads process.env alone, where the suite reads .env too. Each variable .env sets and the
// environment leaves unset is handed to the chain while `make` builds it (its credentials read them as
// they are made), then taken out again: left in process.env, a secret would reach every child process
// started later (Playwright's runner, Allure's Java CLI, the chain's `az`). The environment still wins
// (an empty value in it too, as everywhere).
export function withChainVariablesFromEnvFile<T>(
  make: () => T,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): T {
  const fromFile = readEnvFile(cwd);
  const handed: string[] = [];
  for (const name of CHAIN_VARIABLES) {
    const value = fromFile[name];
    if (env[name] !== undefined || !value) continue;
    if (/SECRET|PASSWORD/.test(name)) registerSecret(value, { configured: true });
    env[name] = value;
    handed.push(name);
  }
  try {
    return make();
  } finally {
    for (const name of handed) delete env[name];
  }
}
