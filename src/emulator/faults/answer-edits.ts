import type { Answer } from '../http/answer.ts';

// What the answer faults change in a rendered body, shared by the fault tables.

export const CANCELLATION_KEYS = ['cancellationRequestor', 'cancellationComment', 'cancellationDateTimeUtc'];

export function editBody(answer: Answer, edit: (body: Record<string, unknown>) => void): Answer {
  edit(answer.body as Record<string, unknown>);
  return answer;
}

export function withoutCancellationFields(answer: Answer): Answer {
  return editBody(answer, (body) => {
    for (const key of CANCELLATION_KEYS) delete body[key];
  });
}
