import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, writeAnswer } from './answer.ts';
import { apiError } from './api-error.ts';
import { apiAnswer } from './api-gateway.ts';
import { controlAnswer } from './control-protocol.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { RateLimiter } from './rate-limiter.ts';
import { BodyTooLarge, readRaw } from './request-body.ts';
import { TenantStore } from './tenant-store.ts';
import { tokenAnswer } from './token-endpoint.ts';
import { TokenSigner } from './token-signer.ts';
import { type VariantName, variantNamed } from './variants.ts';
import { VirtualClock, wallNow } from './virtual-clock.ts';

export { VARIANTS, type Variant, type VariantName } from './variants.ts';

export interface IndependentEmulatorOptions {
  port?: number;
  host?: string;
  // Where the virtual clock starts; the caller's wall clock by default, read once here at the edge.
  clockStart?: Date;
}

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
}

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/;
// Where Entra ID publishes its signing keys: AUTH.INVALID forges an HMAC with the key found there.
const KEYS_PATH = '/common/discovery/keys';

// An emulator of the machine actions API written from docs/interfaces.md and docs/contract.md alone, so
// that the conformance suite can be checked against an implementation it was not written with.
export async function startIndependentEmulator(
  variant: VariantName | string,
  options: IndependentEmulatorOptions = {},
): Promise<RunningEmulator> {
  const chosen = variantNamed(variant);
  const ctx: EmulatorContext = {
    variant: chosen,
    clock: new VirtualClock(options.clockStart ?? wallNow()),
    store: new TenantStore(),
    signer: new TokenSigner(),
    limiter: new RateLimiter(chosen),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((error: unknown) => {
      // A bug of this emulator: said as a 500 envelope, never a hung request.
      if (res.headersSent) return res.destroy();
      const message = `Emulator error: ${error instanceof Error ? error.message : String(error)}`;
      writeAnswer(
        res,
        apiError(chosen, ctx.clock.nowMs(), { status: 500, code: 'InternalServerError' }, message),
        chosen,
        ctx.clock.nowMs(),
      );
    });
  });
  // connection: with "close" every answer ends its connection; otherwise keep idle sockets a while.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readRaw(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    const answer = apiError(
      ctx.variant,
      ctx.clock.nowMs(),
      { status: 413, code: 'RequestEntityTooLarge' },
      error.message,
    );
    writeAnswer(res, answer, ctx.variant, ctx.clock.nowMs());
    return;
  }
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const answer = await route(ctx, req, url, raw);
  writeAnswer(res, answer, ctx.variant, ctx.clock.nowMs());
}

function route(ctx: EmulatorContext, req: IncomingMessage, url: URL, raw: Buffer): Promise<Answer> | Answer {
  if (url.pathname.startsWith('/_emulator/')) return controlAnswer(ctx, req, url.pathname, raw);
  const token = TOKEN_PATH.exec(url.pathname);
  if (token && req.method === 'POST')
    return tokenAnswer(ctx, decodeURIComponent(token[1]!), req, raw, ctx.clock.nowMs());
  if (url.pathname === KEYS_PATH && req.method === 'GET') return publishedKeys(ctx);
  return apiAnswer(ctx, req, url, raw);
}

async function publishedKeys(ctx: EmulatorContext): Promise<Answer> {
  return {
    status: 200,
    json: await ctx.signer.publishedKeys(),
    contentType: 'application/json; charset=utf-8',
  };
}
