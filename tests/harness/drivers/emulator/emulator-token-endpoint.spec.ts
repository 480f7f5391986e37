import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRAPH_RESOURCE_SCOPE, OTHER_RESOURCE_SCOPE } from '../../../../src/contract/index.ts';
import { isUserError, NotApplicableError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { emulatorDriverAt } from '../../stand-ins/emulator-driver-at.ts';

// An emulator under construction: its control protocol registers apps and tells the time, its token
// endpoint answers `token`; each after its delay.
async function halfBuilt(token: { status: number; body: unknown }, delays = { control: 0, token: 0 }) {
  const server = createServer((req, res) => {
    req.resume();
    const isToken = req.url?.endsWith('/oauth2/v2.0/token');
    req.on('end', () =>
      setTimeout(
        () => {
          const [status, body] = isToken
            ? [token.status, token.body]
            : req.url === '/_emulator/clock'
              ? [200, { now: '2026-03-02T10:00:00.000Z' }]
              : [201, {}];
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        },
        delays[isToken ? 'token' : 'control'],
      ),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) };
}

// The preflight asked for one token; a test asks for more (another scope, more apps). A refusal then
// is the emulator's to fix: the test reaches no verdict, blamed on the target (exit 3), in one line
// naming the token URL and the scope, never a suite error with the suite's stack (exit 2).
test('a token refused during a test ends it without a verdict, naming the token URL and scope', async () => {
  const refusal = {
    error: 'invalid_scope',
    error_description: 'AADSTS70011: The provided value for scope is not valid.',
  };
  const emulator = await halfBuilt({ status: 400, body: refusal });
  try {
    const error = await emulatorDriverAt(emulator.url)
      .token('other-audience')
      .catch((e: unknown) => e);
    expect(isUserError(error), String(error)).toBe(true);
    expect((error as Error).message).toMatch(
      new RegExp(`^${emulator.url}/\\{tenantId\\}/oauth2/v2\\.0/token answered 400: .*invalid_scope`),
    );
    expect((error as Error).message).toContain(OTHER_RESOURCE_SCOPE);
    expect((error as Error).stack).not.toMatch(/\n\s+at /);
    expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
  } finally {
    await emulator.close();
  }
});

// MDE_REQUEST_TIMEOUT_SECONDS bounds every exchange, the control protocol's and the token endpoint's
// too: they once waited a fixed 10 s, so a slow emulator given 20 s lost its tests' set-up all the same.
// An answer after half a second: lost with 250 ms allowed, taken with 1.5 s (a second to spare).
test('the control protocol and the token endpoint wait as long as MDE_REQUEST_TIMEOUT_SECONDS says', async () => {
  const token = { status: 200, body: { token_type: 'Bearer', access_token: 'a.b.c', expires_in: 3599 } };
  const slowControl = await halfBuilt(token, { control: 500, token: 0 });
  const slowToken = await halfBuilt(token, { control: 0, token: 500 });
  try {
    // The control protocol and the token endpoint side by side: each waits its own time.
    const [clock, signIn] = await Promise.all([
      emulatorDriverAt(slowControl.url, 250)
        .clockNow()
        .catch((e: unknown) => e),
      emulatorDriverAt(slowToken.url, 250)
        .token('operator')
        .catch((e: unknown) => e),
    ]);
    expect(String(clock)).toContain('/_emulator/clock did not answer: no answer within 250 ms');
    expect(String(signIn)).toMatch(/\/oauth2\/v2\.0\/token did not answer: no answer within 250 ms/);
    expect(takeNoVerdicts().map((f) => f.cause)).toEqual(['target', 'target']);
    // A slow answer within the time allowed is taken.
    const [now, accessToken] = await Promise.all([
      emulatorDriverAt(slowControl.url, 1_500).clockNow(),
      emulatorDriverAt(slowToken.url, 1_500).token('operator'),
    ]);
    expect(now.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(accessToken).toBe('a.b.c');
  } finally {
    await Promise.all([slowControl.close(), slowToken.close()]);
  }
});

// The Microsoft Graph token is an extra of AUTH.AUDIENCE that an emulator written before it was asked
// for may refuse: that test cannot be set up there (N/A), and the run stays as complete as it was.
test('a token endpoint that refuses the Microsoft Graph scope makes that test N/A, not ERROR', async () => {
  const refusal = { error: 'invalid_scope', error_description: 'AADSTS70011: not a scope of this emulator.' };
  const emulator = await halfBuilt({ status: 400, body: refusal });
  try {
    const error = await emulatorDriverAt(emulator.url)
      .token('graph-audience')
      .catch((e: unknown) => e);
    expect(error, String(error)).toBeInstanceOf(NotApplicableError);
    expect((error as Error).message).toContain(GRAPH_RESOURCE_SCOPE);
    expect(takeNoVerdicts()).toEqual([]);
  } finally {
    await emulator.close();
  }
});
