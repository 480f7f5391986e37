import type { ProbeAnswer } from './probe-client.ts';

// The request body of every probe cancel that sends one.
export const PROBE_COMMENT = JSON.stringify({ Comment: 'differential probe' });

// The part of an answer most points are about: its status and error code (null: none).
export function statusAndCode(res: ProbeAnswer): { status: number; code: unknown } {
  return {
    status: res.status,
    code: (res.body as { error?: { code?: unknown } } | undefined)?.error?.code ?? null,
  };
}

// A member of a JSON object body; undefined for any other body.
export function field(res: ProbeAnswer, name: string): unknown {
  const body = res.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' ? body[name] : undefined;
}
