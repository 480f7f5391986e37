// JSON a user may name as a profile file by mistake: a service principal's, as `az ad sp
// create-for-rbac` writes it, and readings that are secrets. No message may show these values.
export const SECRET = 'Abc8Q~not-for-any-message-xyz';
export const HEX_KEY = 'd41d8cd98f00b204e9800998ecf8427e';

export const MISTAKEN_PROFILE_FILES = [
  ['a service principal', { appId: '0000-1111', displayName: 'ci', password: SECRET, tenant: 't' }],
  ['a reading that is a secret', { profileVersion: 1, points: { 'retry-after-form': { reading: SECRET } } }],
  ['a reading that is a hex key', { profileVersion: 1, points: { 'unknown-id': { reading: HEX_KEY } } }],
] as const;
