import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { idleDeadline } from '../../common/idle-deadline.ts';
import type { ControlApp } from '../../contract/index.ts';
import { DEFAULT_SCOPE } from '../../contract/index.ts';

export interface ProbeAnswer {
  status: number;
  // Lower-case names, as Node gives them.
  headers: Record<string, string>;
  text: string;
  // Parsed JSON, or undefined.
  body: unknown;
}

// The differential probe's own HTTP client (it may not use the harness): one kept-alive connection at a
// time, so the Connection and framing headers are the server's choice, and a count of requests sent.
export class ProbeClient {
  requests = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  // The probed emulators answer in this process: on a loaded machine (2 of 11 calibrations lost at a
  // load of 16) a socket timeout fired on time this process spent busy, with the answer waiting.
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  send(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<ProbeAnswer> {
    this.requests++;
    // Uncoded answers: the probe compares readings, and a target may code a body for a client that
    // offers nothing in a way this client cannot undo (RFC 9110 §12.5.3).
    const offered = { 'accept-encoding': 'identity', ...headers };
    const sent =
      body === undefined ? offered : { ...offered, 'content-length': String(Buffer.byteLength(body)) };
    return new Promise((resolve, reject) => {
      const unanswered = idleDeadline(this.timeoutMs, () =>
        req.destroy(new Error(`${method} ${path}: no answer within ${this.timeoutMs / 1000} s`)),
      );
      const req = request(
        new URL(path, this.baseUrl),
        { method, headers: sent, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            unanswered.restart();
            chunks.push(chunk);
          });
          res.on('error', reject);
          res.once('close', () => unanswered.stop());
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(res.headers))
              if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
            resolve({ status: res.statusCode ?? 0, headers, text, body: parse(text) });
          });
        },
      );
      req.on('error', (error) => {
        unanswered.stop();
        reject(error);
      });
      req.end(body);
    });
  }

  // A control-protocol call (docs/interfaces.md#control-protocol); anything but a 2xx is an error.
  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const res = await this.send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
    if (res.status < 200 || res.status > 299)
      throw new Error(`${this.baseUrl}${path} answered ${res.status}: ${res.text.slice(0, 200)}`);
    return res.body;
  }

  // Registers an app of the tenant holding `roles`, with a secret of its own.
  async registerApp(tenantId: string, roles: string[]): Promise<ControlApp> {
    const app = {
      tenantId,
      clientId: randomUUID(),
      clientSecret: randomBytes(18).toString('base64url'),
      roles,
    };
    await this.control('POST', '/_emulator/apps', app);
    return app;
  }

  // A client-credentials token of a registered app, as the emulator's token endpoint issues it.
  async token(app: ControlApp): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret ?? '',
      scope: DEFAULT_SCOPE,
    }).toString();
    const path = `/${app.tenantId}/oauth2/v2.0/token`;
    const res = await this.send('POST', path, { 'content-type': 'application/x-www-form-urlencoded' }, form);
    const token = (res.body as { access_token?: unknown } | undefined)?.access_token;
    if (res.status !== 200 || typeof token !== 'string')
      throw new Error(`${this.baseUrl}${path} answered ${res.status} without a token`);
    return token;
  }

  close(): void {
    this.agent.destroy();
  }
}

function parse(text: string): unknown {
  try {
    return text.trim() ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
