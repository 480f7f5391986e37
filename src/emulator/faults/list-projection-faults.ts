import { outcomeOf } from '../http/answer.ts';
import { editBody } from './answer-edits.ts';
import { CANCEL, LIST, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults of a read model the list is served from (the answer seam): a projection fed by the cancel
// command before the handler's state check, so a refused cancel still lands there.

// Ids of the actions whose refused cancel reached the projection. Only random GUIDs are kept, so every
// emulator of a process keeps its own.
const cancelledInProjection = new Set<string>();

export const LIST_PROJECTION_FAULTS = [
  {
    // Every check that a refused cancel changed nothing read the action by GET alone.
    name: 'final-cancel-listed-cancelled',
    seam: 'answer',
    breaks: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description:
      'A cancel of a Succeeded, Failed or TimeOut action is refused and a GET shows it unchanged, but the list shows it Cancelled from then on (a read model fed the cancel before its state check).',
    applies: (x) => on(CANCEL, 'refused-final')(x) || on(LIST, 'listed')(x),
    rewrite: (answer, x) => {
      const refused = outcomeOf(x, 'refused-final')?.action;
      if (refused) {
        if (refused.status !== 'Cancelled') cancelledInProjection.add(refused.id.toLowerCase());
        return answer;
      }
      return editBody(answer, (body) => {
        const rows = Array.isArray(body['value']) ? (body['value'] as Record<string, unknown>[]) : [];
        for (const row of rows)
          if (cancelledInProjection.has(String(row['id']).toLowerCase())) row['status'] = 'Cancelled';
      });
    },
  },
] as const satisfies readonly AnswerFault[];
