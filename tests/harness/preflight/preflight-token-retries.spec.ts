import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { markedLinesOfChild } from '../../helpers/marked-lines-child.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { tenantTarget } from '../../helpers/tenant-target.ts';
import { openIdConfiguration, STAND_IN_CLIENT, STAND_IN_TENANT } from '../stand-ins/entra-stand-in.ts';
import { httpsStandIns } from '../stand-ins/https-stand-in.ts';

// Over https, a token endpoint that answers 5xx or drops the connection is tried four times: not by
// msal-node, which never retries a client-credentials request, but by @azure/identity's HTTP pipeline
// (maxRetries 3). Its throttling strategy waits out Retry-After only on a 429 or a 503; a 500 goes to
// its exponential strategy, which ignores Retry-After and waits 0.5-1, 1-2 and 2-4 s. So four quick
// 500s end in msal-node's own error 3.5-7 s after the first try, whatever Retry-After says: before a
// 5 s wait ran out in about one run in seven, after it otherwise. Each case below is set up so only
// one of the two lines can come: the preflight's, when the tries outlast its wait, and msal-node's,
// when they end within it. Both reach users (MDE_REQUEST_TIMEOUT_SECONDS against the tries' time).

const SECRET = 'preflight-token-retries-secret-7';

type TokenAnswer = ReturnType<Parameters<typeof httpsStandIns>[0][number]>;

// Tenants whose OpenID configuration comes and whose token endpoint answers `token` (or resets), one
// origin each, sharing one certificate (a key pair costs a fifth of a second of CPU).
async function failingTokenEndpoints(tokens: TokenAnswer[]) {
  const origins: string[] = [];
  const authorities = await httpsStandIns(
    tokens.map(
      (token, i) => (path: string) =>
        path.includes('/v2.0/.well-known/openid-configuration')
          ? openIdConfiguration(origins[i]!)
          : path.includes('/oauth2/v2.0/token')
            ? token
            : { status: 404, body: '{}' },
    ),
  );
  origins.push(...authorities.map((a) => a.url));
  return authorities;
}

// The preflights' lines, one for each authority, from one child process side by side: @azure/identity
// trusts the stand-ins' certificate (one file between them) only through NODE_EXTRA_CA_CERTS at start,
// and loading it costs a child about a second of CPU. It exits at once: msal-node's retries would go on.
// `other`: whatever else the child printed.
function preflightLinesInChild(
  authorities: { url: string; caFile: string }[],
  timeoutsMs: number[],
): Promise<{ lines: string[]; other: string }> {
  const targets = authorities.map((authority) =>
    tenantTarget({
      apiBaseUrl: authority.url,
      authBaseUrl: authority.url,
      tenantId: STAND_IN_TENANT,
      credentials: {
        operator: { kind: 'secret', clientId: STAND_IN_CLIENT, secretVariable: 'MDE_CLIENT_SECRET' },
        roles: {},
      },
    }),
  );
  const module = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, path)).href);
  const script = `
    const { preflight } = await import(${module('src/harness/preflight/preflight.ts')});
    const { describeError } = await import(${module('src/harness/errors.ts')});
    // Loaded before the waits start, not inside them as the sign-in would (a second of CPU): the wait is
    // for the token endpoint's tries, on a machine that may be loaded.
    await import('@azure/identity');
    const timeouts = ${JSON.stringify(timeoutsMs)};
    const lines = await Promise.all(${JSON.stringify(targets)}.map((target, i) =>
      preflight(target, { timeoutMs: timeouts[i] }).then(() => 'no error', (error) => describeError(error))));
`;
  return markedLinesOfChild(script, 'preflight lines: ', {
    NODE_EXTRA_CA_CERTS: authorities[0]!.caFile,
    MDE_CLIENT_SECRET: SECRET,
  });
}

const UNREACHABLE = 'TargetUnreachableError: https://127\\.0\\.0\\.1:\\d+/.*/oauth2/v2\\.0/token: ';

// The preflight's line once its wait has run out, naming what the last try met.
function lastTry(met: string): RegExp {
  return new RegExp(`^${UNREACHABLE}no token within 5 s; its last try: ${met}\\. Check MDE_AUTH_BASE_URL`);
}

const PAST_THE_WAIT: { name: string; token: TokenAnswer; says: RegExp }[] = [
  {
    name: 'a 500',
    // Each answered 0.6 s late: four answers (2.4 s) and the pipeline's waits (3.5 s at least) outlast 5 s,
    // and the first comes 0.6 s after the sign-in starts, well within them.
    token: { status: 500, body: JSON.stringify({ error: 'server_error' }), delayMs: 600 },
    says: lastTry('answered 500: server_error'),
  },
  {
    name: 'a 500 that echoes the client secret',
    token: { status: 500, body: JSON.stringify({ error: SECRET }), delayMs: 600 },
    says: lastTry('answered 500: \\[REDACTED\\]'),
  },
  {
    name: 'a 503 whose Retry-After outlasts the wait',
    // The pipeline waits out a 503's Retry-After (not a 500's) before its next try.
    token: {
      status: 503,
      body: JSON.stringify({ error: 'temporarily_unavailable' }),
      headers: { 'retry-after': '30' },
    },
    says: lastTry('answered 503: temporarily_unavailable'),
  },
  {
    name: 'a connection reset',
    // Each reset a second late: the four tries outlast the wait.
    token: { status: 0, body: '', reset: true, delayMs: 1_000 },
    says: lastTry('connection reset before the answer was complete'),
  },
];

// Quick 500s end within a wait longer than the pipeline's tries (7 s at most): msal-node's error, which
// names the 500, its Retry-After of 30 s notwithstanding.
const WITHIN_THE_WAIT: TokenAnswer = {
  status: 500,
  body: JSON.stringify({ error: SECRET }),
  headers: { 'retry-after': '30' },
};

// Each case spends 5-7 s waiting on the pipeline's real timers and little CPU: the five run side by side
// in one child, started by whichever test comes first (the file keeps one worker), each test judging its own.
// The first test waits for all five: 90 s, as the five took 45 s and more on two cores at load 34.
test.describe.configure({ mode: 'default', timeout: 90_000 });
let lines: Promise<string[]> | undefined;
function preflightLines(): Promise<string[]> {
  lines ??= (async () => {
    const authorities = await failingTokenEndpoints([...PAST_THE_WAIT.map((c) => c.token), WITHIN_THE_WAIT]);
    const waits = [...PAST_THE_WAIT.map(() => 5_000), 25_000];
    const { lines, other } = await preflightLinesInChild(authorities, waits);
    await Promise.all(authorities.map((a) => a.close()));
    // Nothing beside the lines: no warning or stack of the library's on the console.
    expect(other).toBe('');
    expect(lines).toHaveLength(authorities.length);
    return lines;
  })();
  return lines;
}
test.afterAll(async () => {
  await lines?.catch(() => {});
  removeTempDirs();
});

for (const [i, { name, says }] of PAST_THE_WAIT.entries())
  test(`a token endpoint retried past the preflight's wait is told by its last try: ${name}`, async () => {
    const line = (await preflightLines())[i]!;
    expect(line).toMatch(says);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toContain(SECRET);
  });

test("a token endpoint whose 500s end before the preflight's wait is told by msal-node's error", async () => {
  const line = (await preflightLines())[PAST_THE_WAIT.length]!;
  expect(line).toMatch(
    /^SignInError: secret sign-in at https:\/\/127\.0\.0\.1:\d+\/\S+ failed: \[REDACTED\] \(500\) \(check MDE_AUTH_BASE_URL and that the token endpoint is reachable\)$/,
  );
  expect(line).not.toContain(SECRET);
});
