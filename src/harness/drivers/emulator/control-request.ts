import { isJsonNestedTooDeep, MAX_JSON_DEPTH } from '../../../common/json-depth.ts';
import { ControlProtocolError } from '../../errors.ts';
import { answerExcerpt } from '../../http/answer-excerpt.ts';
import { describeFetchError } from '../../http/fetch-error.ts';
import { type RawResponse, sendRaw, WireLoss } from '../../http/raw-request.ts';
import { redactedExcerpt } from '../../redaction/excerpt.ts';

// One request of the control protocol and its JSON answer: anything else is a ControlProtocolError,
// lasting where a success came in another shape (this emulator will answer so next time too).
export async function askControl(
  url: string,
  method: string,
  body: unknown,
  expected: number,
  timeoutMs: number,
): Promise<unknown> {
  let answer: RawResponse;
  try {
    // The kept-alive client of the API calls: every test registers its apps and actions here, and a
    // fetch costs several times as much CPU per call.
    answer = await sendRaw({
      url,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs,
    });
  } catch (error) {
    throw new ControlProtocolError(url, undefined, lossReason(error), { cause: error });
  }
  const { status, text } = answer;
  // A success of another status, or a body that is no JSON, is how this emulator answers: lasting.
  const success = status >= 200 && status < 300;
  if (status !== expected)
    throw new ControlProtocolError(
      url,
      status,
      `expected ${expected}; ${answerExcerpt(text, answer.headers['content-type'])}`,
      { lasting: success },
    );
  if (!text) return undefined;
  if (isJsonNestedTooDeep(text))
    throw new ControlProtocolError(
      url,
      status,
      `the body is JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
      {
        lasting: true,
      },
    );
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlProtocolError(url, status, `the body is not JSON: ${redactedExcerpt(text, 200)}`, {
      lasting: true,
    });
  }
}

function lossReason(error: unknown): string {
  const reason = error instanceof WireLoss ? error.message : describeFetchError(error);
  // A slow seed or registration: the variable that bounds it, and that the emulator is what to fix.
  return /^no answer within /.test(reason)
    ? `${reason} (MDE_REQUEST_TIMEOUT_SECONDS): the control protocol must answer sooner, or raise it`
    : reason;
}
