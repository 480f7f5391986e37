import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import {
  openIdConfiguration,
  STAND_IN_CLIENT,
  STAND_IN_TENANT,
  signInAtEachInChild,
} from '../stand-ins/entra-stand-in.ts';
import { httpsStandIns } from '../stand-ins/https-stand-in.ts';

// Over https, Microsoft's library reads the token answer: an HTML page with 200, JSON cut short or a
// redirect came out as a bare "network_error", and an answer without access_token as 'no "expiresOn"
// property'; a bad expires_in was taken. Each line now says what the endpoint answered, as http does.

test.afterEach(removeTempDirs);

const SECRET = 'token-answer-watch-secret-1';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJl';
const good = { token_type: 'Bearer', expires_in: 3599, access_token: TOKEN };

const CASES: {
  name: string;
  answer: { status: number; body: string; headers?: Record<string, string>; reset?: boolean };
  says: RegExp;
}[] = [
  {
    name: 'an HTML page with 200',
    answer: {
      status: 200,
      body: '<html><body>Service error</body></html>',
      headers: { 'content-type': 'text/html' },
    },
    says: /no access_token in the answer, an HTML page: Service error \(200\)/,
  },
  {
    name: 'JSON cut short',
    answer: { status: 200, body: '{"token_type": "Bearer", "acc' },
    says: /no access_token in the answer/,
  },
  {
    name: 'JSON without access_token',
    answer: { status: 200, body: JSON.stringify({ token_type: 'Bearer', expires_in: 3599 }) },
    says: /no access_token among its members \(token_type, expires_in\)/,
  },
  {
    name: 'expires_in "abc"',
    answer: { status: 200, body: JSON.stringify({ ...good, expires_in: 'abc' }) },
    says: /expires_in must be .* \(got "abc"\)/,
  },
  {
    name: 'expires_in -5',
    answer: { status: 200, body: JSON.stringify({ ...good, expires_in: -5 }) },
    says: /expires_in must be .* \(got -5\)/,
  },
  {
    name: 'expires_in 0',
    answer: { status: 200, body: JSON.stringify({ ...good, expires_in: 0 }) },
    says: /expires_in must be .* \(got 0\)/,
  },
  {
    name: 'a redirect elsewhere',
    answer: {
      status: 302,
      body: '',
      headers: { location: `http://192.0.2.10/${STAND_IN_TENANT}/oauth2/v2.0/token` },
    },
    says: /a redirect to http:\/\/192\.0\.2\.10, which a token request does not follow/,
  },
  {
    name: 'a 500',
    answer: { status: 500, body: JSON.stringify({ error: 'server_error' }) },
    says: /failed: server_error \(500\)/,
  },
  {
    // msal-node's word for it was "network_error", after its retries.
    name: 'a connection reset',
    answer: { status: 0, body: '', reset: true },
    says: /failed: connection reset before the answer was complete \(check/,
  },
];

test('a token answer Microsoft\'s library cannot use is told by what it held, not "network_error"', async () => {
  test.setTimeout(60_000);
  let origins: string[] = [];
  const authorities = await httpsStandIns(
    CASES.map(
      ({ answer }, i) =>
        (path: string) =>
          path.startsWith(`/${STAND_IN_TENANT}/v2.0/.well-known/openid-configuration`)
            ? openIdConfiguration(origins[i]!)
            : path.startsWith(`/${STAND_IN_TENANT}/oauth2/v2.0/token`)
              ? answer
              : { status: 404, body: '{}' },
    ),
  );
  origins = authorities.map((a) => a.url);
  const spec = { kind: 'secret', clientId: STAND_IN_CLIENT, secretVariable: 'MDE_CLIENT_SECRET' };
  const { lines, other } = await signInAtEachInChild(spec, authorities, { MDE_CLIENT_SECRET: SECRET });
  await Promise.all(authorities.map((a) => a.close()));
  // Nothing beside the answers: no warning or stack of the library's on the console.
  expect(other).toBe('');
  expect(lines).toHaveLength(CASES.length);
  CASES.forEach(({ name, says }, i) => {
    const line = lines[i]!.trim();
    expect(line, name).toMatch(says);
    expect(line, name).toMatch(/\(check MDE_AUTH_BASE_URL and that the token endpoint is reachable\)$/);
    expect(line.split('\n'), name).toHaveLength(1);
    expect(line, name).not.toContain(SECRET);
    expect(line, name).not.toContain(TOKEN);
  });
});
