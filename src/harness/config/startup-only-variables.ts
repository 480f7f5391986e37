import { type Env, readEnvFile } from './read-env.ts';

// Read by Node itself as a process starts, never by the suite: in .env it does nothing, and a TLS error
// then says to set what the user has set (another value in the environment, e.g. a system bundle, is
// the one in force). Named once, before any error.
const READ_BY_NODE_AT_START = ['NODE_EXTRA_CA_CERTS'];

export function startupOnlyWarnings(cwd = process.cwd(), env: Env = process.env): string[] {
  const fromFile = readEnvFile(cwd);
  return READ_BY_NODE_AT_START.filter((name) => fromFile[name] && fromFile[name] !== env[name]).map(
    (name) =>
      `warning: ${name} is set in .env, which Node does not read: it reads it from the environment when a process starts; set it there (${name}=${fromFile[name]} npm run conformance)`,
  );
}
