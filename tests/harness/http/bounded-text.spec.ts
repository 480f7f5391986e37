import { boundedText } from '../../../src/harness/http/bounded-text.ts';
import { expect, test } from '../../helpers/api-test.ts';

const streamed = (parts: string[], headers: Record<string, string> = {}) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    }),
    { headers },
  );

test('an answer within the limit is read whole', async () => {
  expect(await boundedText(streamed(['{"value":', '"t"}']), 13)).toBe('{"value":"t"}');
});

test('an answer past the limit is not read, whether it declares its size or only sends it', async () => {
  expect(await boundedText(streamed(['{}'], { 'content-length': '13' }), 12)).toBeUndefined();
  expect(await boundedText(streamed(['{"value":', '"t", "x": 1}']), 12)).toBeUndefined();
});
