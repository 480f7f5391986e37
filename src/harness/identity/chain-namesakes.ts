import { type Env, readEnv } from '../config/read-env.ts';

// The default chain's environment credential reads AZURE_* alone (docs/tenant-sign-in.md). A user who
// set the suite's MDE_* sign-in variables and chose MDE_CREDENTIAL=default was told to "set AZURE_TENANT_ID,
// AZURE_CLIENT_ID and ..." with nothing saying which of theirs the chain had passed over. Names only.
const NAMESAKES = [
  ['MDE_TENANT_ID', 'AZURE_TENANT_ID'],
  ['MDE_CLIENT_ID', 'AZURE_CLIENT_ID'],
  ['MDE_CLIENT_SECRET', 'AZURE_CLIENT_SECRET'],
  ['MDE_CLIENT_CERTIFICATE_PATH', 'AZURE_CLIENT_CERTIFICATE_PATH'],
  ['MDE_FEDERATED_TOKEN_FILE', 'AZURE_FEDERATED_TOKEN_FILE'],
] as const;

export function unreadNamesakesNote(env: Env = readEnv()): string {
  const unread = NAMESAKES.filter(([mde, azure]) => env[mde]?.trim() && !env[azure]?.trim());
  if (unread.length === 0) return '';
  const names = (i: 0 | 1) => unread.map((pair) => pair[i]).join(', ');
  return `; ${names(0)} ${unread.length === 1 ? 'is' : 'are'} set, which the chain does not read: set ${names(1)} instead, or leave MDE_CREDENTIAL unset to sign in with ${unread.length === 1 ? 'it' : 'them'}`;
}
