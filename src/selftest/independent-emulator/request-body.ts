import type { IncomingMessage } from 'node:http';
import type { Refusal, Variant } from './variants.ts';

const BODY_LIMIT = 64 * 1024;

export class BodyTooLarge extends Error {}

// The raw body, refused past 64 KiB so that a runaway client cannot fill the memory.
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new BodyTooLarge(`the body is larger than ${BODY_LIMIT} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export type ApiBody =
  | { kind: 'none' }
  | { kind: 'object'; value: Record<string, unknown> }
  | { kind: 'refused'; refusal: Refusal; message: string };

const INVALID: Refusal = { status: 400, code: 'InvalidRequestBody' };

// An API call's JSON body, read the variant's way when it is labelled otherwise or not at all
// (docs/contract.md#body-without-content-type, #body-with-wrong-content-type). A labelled but empty
// body is no body: that is what cancel-without-body sends.
export function readApiBody(contentType: string | undefined, raw: Buffer, variant: Variant): ApiBody {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  if (media !== undefined && media !== 'application/json')
    return {
      kind: 'refused',
      refusal: variant.bodyWithWrongContentType,
      message: `Content-Type "${media}" is not supported: send the body as application/json`,
    };
  if (raw.length === 0) return { kind: 'none' };
  if (media === undefined && variant.bodyWithoutContentType !== 'accepted')
    return {
      kind: 'refused',
      refusal: variant.bodyWithoutContentType,
      message: 'The body has no Content-Type: send it with Content-Type: application/json',
    };
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return { kind: 'refused', refusal: INVALID, message: 'The body is not valid JSON: send a JSON object' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'refused', refusal: INVALID, message: 'The body must be a JSON object' };
  return { kind: 'object', value: value as Record<string, unknown> };
}
