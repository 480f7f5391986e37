import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { FAULT_CATALOGUE } from '../../../src/emulator/faults/catalogue.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { emulatorCli } from './emulator-cli.ts';
import { startedOutput } from './started-output.ts';

// What `npm run emulator` prints for a person: the fault catalogue as a table, a busy port or a host
// it cannot listen on as what to do about it, and a port that fetch() clients refuse as a warning.

// A walk found rows of up to 855 characters, every column padded to its widest cell: each fault is now
// a row of name, seam and requirements (wrapped within the column), its description on lines below.
test('--list-faults prints one row per fault, every column starting at the same place, within 100 columns', () => {
  const run = emulatorCli(['--list-faults']);
  expect(run.status).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines.filter((line) => line.length > 100)).toEqual([]);
  const rows = lines.filter((line) => !line.startsWith(' '));
  expect(rows).toHaveLength(FAULT_CATALOGUE.length);
  const starts = rows.map((row, i) => {
    const fault = FAULT_CATALOGUE[i]!;
    expect(row.startsWith(`${fault.name} `), row).toBe(true);
    const [, name, seam] = /^(\S+\s+)(\S+\s+)/.exec(row)!;
    expect(seam!.trim()).toBe(fault.seam);
    const block = lines.slice(lines.indexOf(row) + 1);
    const next = block.findIndex((line) => !line.startsWith(' '));
    const below = next === -1 ? block : block.slice(0, next);
    const requirementColumn = name!.length + seam!.length;
    const more = below.filter(
      (line) => /^\s+$/.test(line.slice(0, requirementColumn)) && line[requirementColumn] !== ' ',
    );
    const described = below.filter((line) => !more.includes(line));
    const breaks = [...fault.breaks, ...('errors' in fault ? fault.errors.map((id) => `${id} (ERROR)`) : [])];
    expect([row.slice(requirementColumn), ...more.map((l) => l.slice(requirementColumn))].join(' ')).toBe(
      breaks.join(', '),
    );
    expect(described.map((line) => line.trim()).join(' ')).toBe(fault.description);
    const indents = new Set(described.map((line) => line.length - line.trimStart().length));
    return `${name!.length} ${requirementColumn} ${[...indents].join(',')}`;
  });
  expect(new Set(starts)).toEqual(new Set([starts[0]]));
});

test('a port in use says so and how to choose another', async () => {
  const busy: Server = createServer();
  await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  const { port } = busy.address() as { port: number };
  try {
    const run = emulatorCli(['--port', String(port)]);
    expect(run.stderr.trim().split('\n')).toEqual([
      `emulator: port ${port} on 127.0.0.1 is in use: stop what listens there, or choose another with --port <n>, or --port 0 for any free port (see --help)`,
    ]);
    expect(run.status).toBe(2);
    // A port the environment chose is changed there: the line names the variable, not a flag never given.
    const fromEnv = emulatorCli([], { MDE_EMULATOR_PORT: String(port) });
    expect(fromEnv.stderr.trim().split('\n')).toEqual([
      `emulator: port ${port} on 127.0.0.1 (MDE_EMULATOR_PORT) is in use: stop what listens there, or choose another with MDE_EMULATOR_PORT=<n>, or MDE_EMULATOR_PORT=0 for any free port (see --help)`,
    ]);
    expect(fromEnv.status).toBe(2);
  } finally {
    await new Promise((done) => busy.close(done));
  }
});

test('a host that does not resolve is one usage line and exit 2', () => {
  const run = emulatorCli(['--host', '999.1.1.1']);
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^emulator: --host 999\.1\.1\.1: .*\(see --help\)$/),
  ]);
  expect(run.status).toBe(2);
});

// Set in the environment, the host is named by its variable: a user who never typed --host looked for it.
test('a host from MDE_EMULATOR_HOST that does not resolve names the variable', () => {
  const run = emulatorCli([], { MDE_EMULATOR_HOST: '999.1.1.1' });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^emulator: MDE_EMULATOR_HOST 999\.1\.1\.1: .*\(see --help\)$/),
  ]);
  expect(run.status).toBe(2);
});

test('--port -1 is refused with the range of ports, not as an ambiguous option', () => {
  const run = emulatorCli(['--port', '-1']);
  expect(run.stderr.trim().split('\n')).toEqual([
    'emulator: --port must be a number from 0 to 65535 (got "-1"). (see --help)',
  ]);
  expect(run.status).toBe(2);
});

// A port fetch() refuses that no other process holds: it must be bound to be warned about.
async function freeFetchBadPort(): Promise<number> {
  for (const port of [10080, 6697, 6679, 6669, 6668, 6667, 6666, 6665, 6566, 5061, 5060, 4190]) {
    const probe: Server = createServer();
    const free = await new Promise<boolean>((done) => {
      probe.once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error('every fetch() bad port tried above 4096 is in use here');
}

test('a port that fetch() refuses starts, with one warning line that says to choose another', async () => {
  test.setTimeout(60_000);
  const port = await freeFetchBadPort();
  const run = await startedOutput(['--port', String(port)]);
  expect(run.stdout).toContain(`listening on http://127.0.0.1:${port}`);
  expect(run.stderr.trim().split('\n')).toEqual([
    `emulator: warning: fetch() clients (browsers, Node's fetch) refuse port ${port}, a "bad port" of the Fetch standard; the suite reaches it, but choose another with --port <n> if your own automation uses fetch()`,
  ]);
  expect((await startedOutput(['--port', '0'])).stderr).toBe('');
});

test.afterEach(removeTempDirs);

// docs/interfaces.md#emulator-https: a person or a CI step finds the file to trust in what --https prints.
test('--https prints the path of the certificate it wrote, and how to trust it', async () => {
  const out = join(tempDir('emulator-https-out-'), 'cert.pem');
  const run = await startedOutput(['--https', '--port', '0', '--tls-cert-out', out]);
  expect(run.stdout).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+\n/);
  expect(run.stdout).toContain(`: ${out}; trust it with NODE_EXTRA_CA_CERTS=${out} (Node)`);
  // MSAL for Python's verify= alone loses to REQUESTS_CA_BUNDLE, which many CI images set: the line once
  // said "or verify= (Python)", and a sign-in failed with CERTIFICATE_VERIFY_FAILED.
  expect(run.stdout).toContain(
    '(Node); in Python, a requests.Session with verify= that file and trust_env = False',
  );
  expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
});

// An observed profile of a read-only tenant or a narrowed run reads a few points and leaves the others
// unknown; the emulator answered those as default with a start line that did not say so, so a team took
// all twenty-one for its tenant's.
test('the start line of --profile-file says how many points the file reads, the others as its base', async () => {
  const file = join(tempDir('profile-count-'), 'staging.profile.json');
  writeFileSync(
    file,
    JSON.stringify({
      profileVersion: 1,
      points: {
        'unknown-id': { reading: { status: 404, code: 'ResourceNotFound' } },
        framing: { reading: 'chunked' },
        'rate-window': { unknown: 'not seen' },
      },
    }),
  );
  const run = await startedOutput(['--port', '0', '--profile', 'lenient', '--profile-file', file]);
  expect(run.stdout).toContain(
    `profile lenient with ${file} read over it (2 of 21 points; the other 19 as lenient); faults none`,
  );
});
