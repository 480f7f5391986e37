import type { ServerResponse } from 'node:http';
import { codedBody } from './content-coding.ts';
import { httpDate } from './time-format.ts';
import type { Variant } from './variants.ts';

// What a handler decides; the writer below puts it on the wire the variant's way.
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  // A JSON body; absent means no body at all.
  json?: unknown;
  // Media type of the JSON body when not the variant's API one (token and control answers).
  contentType?: string;
}

export function jsonAnswer(status: number, json: unknown, headers?: Record<string, string>): Answer {
  return { status, json, ...(headers ? { headers } : {}) };
}

// Date on the virtual clock, truncated to the second as every HTTP-date is, and up to the variant's
// lag behind it (a cached Date). Framing and connection per docs/contract.md#framing and #connection:
// either must leave every verdict unchanged.
export function writeAnswer(res: ServerResponse, answer: Answer, variant: Variant, nowMs: number): void {
  res.statusCode = answer.status;
  res.setHeader('Date', httpDate(nowMs - variant.dateLagMs));
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  if (variant.connection === 'close') res.setHeader('Connection', 'close');
  if (answer.json === undefined) {
    if (answer.status !== 204 && answer.status !== 304) res.setHeader('Content-Length', '0');
    res.end();
    return;
  }
  const json = Buffer.from(JSON.stringify(answer.json), 'utf8');
  const { coding, bytes: body } =
    variant.contentCoding === 'negotiated'
      ? codedBody(res.req.headers['accept-encoding'], json)
      : { bytes: json };
  if (coding) res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Type', answer.contentType ?? variant.jsonContentType);
  if (!answer.contentType && variant.odataVersion) res.setHeader('OData-Version', variant.odataVersion);
  if (variant.framing === 'chunked') {
    res.setHeader('Transfer-Encoding', 'chunked');
    res.write(body);
    res.end();
    return;
  }
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}
