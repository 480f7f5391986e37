import { MAX_ANSWER_BYTES } from './answer-limit.ts';

// A fetch() answer's body as text, or undefined past `limit` bytes, declared or received: fetch's own
// text() and json() hold whatever arrives, and a string past 512 MiB ends the process.
export async function boundedText(response: Response, limit = MAX_ANSWER_BYTES): Promise<string | undefined> {
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  for await (const chunk of response.body) {
    received += chunk.byteLength;
    if (received > limit) {
      await response.body.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
