// The most bytes of one answer the harness reads, on the wire and once decoded. An answer of this API
// is a few KB; the largest lawful one, a list page of 10,000 actions, about 10 MB. Past this the target
// is not answering as the API, and reading on would end the worker (V8 makes no string past 512 MiB,
// and aborts past 2 GiB).
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

const LAWFUL = 'an answer of this API is a few KB (a full list page about 10 MB)';

// Why an answer was not read, for the WireLoss that loses its exchange.
export function answerTooLarge(how: 'received' | 'declared' | 'decoded', detail = ''): string {
  const cap = `${MAX_ANSWER_BYTES / 1024 / 1024} MiB`;
  switch (how) {
    case 'declared':
      return `the answer declared ${detail} bytes (Content-Length), over the ${cap} the suite reads; ${LAWFUL}`;
    case 'decoded':
      return `the answer's ${detail} body decoded to more than ${cap}; ${LAWFUL}`;
    default:
      return `the answer exceeded ${cap}; ${LAWFUL}`;
  }
}
