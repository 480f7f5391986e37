import { randomUUID } from 'node:crypto';
import type { Answer } from './answer.ts';
import { timestamp } from './time-format.ts';
import type { Refusal, Variant } from './variants.ts';

// The API's error envelope (docs/contract.md#error-envelope): code and message always; error.target and
// innerError as the variant reads error-target and extra-members.
export function apiError(
  variant: Variant,
  nowMs: number,
  refusal: Refusal,
  message: string,
  headers?: Record<string, string>,
): Answer {
  const target = randomUUID();
  const error: Record<string, unknown> = { code: refusal.code, message };
  if (variant.errorTarget) error.target = target;
  if (variant.errorInnerError) error.innerError = { date: timestamp(nowMs, 0), 'request-id': target };
  return { status: refusal.status, json: { error }, ...(headers ? { headers } : {}) };
}
