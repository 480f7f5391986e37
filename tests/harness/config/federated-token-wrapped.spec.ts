import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { file, NO_SECRET, problems, tenant } from './config-env.ts';

test.afterEach(removeTempDirs);

// A federated token file written by a CI step with the token wrapped: `jq .value` without -r keeps the
// JSON quotes, the whole JSON answer of GitHub's OIDC endpoint, an `Authorization` value. Entra ID
// refused each with "AADSTS50027: JWT token is invalid or malformed", after the run had started
// (walk of real identity, round 2); the wrapper is what to remove, named before any test.
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOngveSJ9.c2lnbmF0dXJlLXBhcnQ';

test('a federated token in quotes, inside JSON or after "Bearer " is named with what to remove', () => {
  for (const [text, words] of [
    [`"${JWT}"\n`, 'in double quotes'],
    [`{"count":1,"value":"${JWT}"}`, 'inside a JSON document'],
    [`Bearer ${JWT}`, 'after "Bearer "'],
  ] as const) {
    const path = file('token', text);
    const lines = problems({ ...NO_SECRET, MDE_FEDERATED_TOKEN_FILE: path });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`MDE_FEDERATED_TOKEN_FILE names ${path}, which holds the token ${words}`);
    // Never the token itself.
    expect(lines[0]).not.toContain(JWT.slice(0, 20));
  }
  // The token alone, with the line break `echo` adds, is taken.
  const alone = tenant({ ...NO_SECRET, MDE_FEDERATED_TOKEN_FILE: file('token', `${JWT}\n`) });
  expect(alone.credentials.operator.kind).toBe('federated');
});
