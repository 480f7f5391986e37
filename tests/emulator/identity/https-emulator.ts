import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ControlApp, DEFAULT_SCOPE } from '../../../src/contract/index.ts';
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.ts';
import { childOutput } from '../../helpers/child-output.ts';
import { testKeys } from '../test-keys.ts';

// An HTTPS emulator for a whole spec file, and what a client outside the test process needs to use it:
// the certificate as a file, an HTTPS client that trusts it, and a way to run a Node script that
// trusts it the way a user's automation does (NODE_EXTRA_CA_CERTS, read when a process starts).

export const TENANT = '3f1c9a2e-7b4d-4e8a-9c6f-2d5e8b1a4c70';
export const READ_ROLES = ['Machine.Read.All'];
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export class HttpsEmulator {
  private constructor(
    readonly running: RunningEmulator,
    readonly certificateFile: string,
    private readonly dir: string,
  ) {}

  static async start(): Promise<HttpsEmulator> {
    const running = await startEmulator(
      { port: 0, https: true, rateLimits: false },
      await testKeys({ https: true }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'mde-emulator-tls-'));
    const certificateFile = join(dir, 'tls-cert.pem');
    writeFileSync(certificateFile, running.certificatePem!);
    return new HttpsEmulator(running, certificateFile, dir);
  }

  get url(): string {
    return this.running.url;
  }

  async close(): Promise<void> {
    await this.running.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async registerApp(app: Omit<ControlApp, 'tenantId'> & { tenantId?: string }): Promise<void> {
    const res = await this.fetch('/_emulator/apps', { method: 'POST', json: { tenantId: TENANT, ...app } });
    if (res.status !== 201) throw new Error(`registering ${app.clientId}: ${res.status} ${res.body}`);
  }

  // One request over HTTPS, trusting only the emulator's certificate.
  fetch(path: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}) {
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    const headers = { ...init.headers, ...(body ? { 'content-type': 'application/json' } : {}) };
    return new Promise<Answer>((resolve, reject) => {
      const req = request(
        `${this.url}${path}`,
        { method: init.method ?? 'GET', headers, ca: this.running.certificatePem },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  // Runs a Node script in the repository (so it resolves node_modules) with the certificate trusted.
  runNode(script: string, input: string, env: Record<string, string> = {}): Promise<NodeRun> {
    return runNode(script, input, { ...env, NODE_EXTRA_CA_CERTS: this.certificateFile });
  }

  // The library scenarios of identity/library-runner.mjs, one result per scenario.
  async runLibraries(scenarios: LibraryScenario[]): Promise<Map<string, LibraryResult>> {
    const input = { authorityHost: this.url, tenantId: TENANT, scope: DEFAULT_SCOPE, scenarios };
    const run = await this.runNode('tests/emulator/identity/library-runner.mjs', JSON.stringify(input));
    if (run.code !== 0) throw new Error(`library runner exited ${run.code}: ${run.stderr}`);
    const results = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LibraryResult);
    return new Map(results.map((result) => [result.name, result]));
  }
}

export interface LibraryScenario {
  name: string;
  library: 'msal' | 'identity';
  clientId: string;
  kind?: 'secret' | 'certificate' | 'assertion';
  secret?: string;
  certificateWithKey?: string;
  assertion?: string;
  // msal-node's auth options beside clientId and authority: clientSecret, clientCertificate, ...
  msal?: Record<string, unknown>;
}

export interface LibraryResult {
  name: string;
  token?: string;
  error?: { type: string; code?: string; number?: string; message: string };
}

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function runNode(script: string, input: string, env: Record<string, string>): Promise<NodeRun> {
  // As a user's shell runs it: without the colours Playwright forces on its workers, and without
  // this machine's proxy, which would get the loopback emulator's sign-in (the guide says NO_PROXY).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'FORCE_COLOR' && !/^(https?|all|no)_proxy$/i.test(name),
    ),
  );
  const child = spawn(process.execPath, [script], { cwd: REPO, env: { ...inherited, ...env } });
  child.stdin.end(input);
  const { status, stdout, stderr } = await childOutput(child);
  return { code: status, stdout, stderr };
}
