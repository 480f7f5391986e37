import {
  caseReading,
  type DuplicateAnswer,
  duplicateAnswer,
  FINAL_STATUSES,
  type FinalStatus,
  type Readings,
  type Refusal,
} from '../../contract/index.ts';

// The readings that may differ by case (docs/calibration.md#per-case), resolved once when the emulator
// is built: a request picks its case's answer from here, never unpacks a reading's form.
export interface ProfileAnswers {
  // www-authenticate: the header of a 401 without Authorization, and of one with a bad token.
  challenge: { missing: string | null; invalid: string | null };
  // final-state-cancel, by the state of the action.
  finalStateCancel: Readonly<Record<FinalStatus, Refusal>>;
  // unknown-id, by the operation that names the id.
  unknownId: { cancel: Refusal; get: Refusal };
  // duplicate-create: refused, or answered with the running action and this status.
  duplicateCreate: DuplicateAnswer;
  // cancel-visible-after: how long a cancel answered 200 waits before it is applied.
  cancelVisibleAfterMs: number;
}

export function profileAnswers(readings: Readings): ProfileAnswers {
  const auth = readings['www-authenticate'];
  const final = readings['final-state-cancel'];
  const unknown = readings['unknown-id'];
  return {
    challenge: {
      missing: caseReading('www-authenticate', auth, 'missing'),
      invalid: caseReading('www-authenticate', auth, 'invalid'),
    },
    finalStateCancel: Object.fromEntries(
      FINAL_STATUSES.map((state) => [state, caseReading('final-state-cancel', final, state)]),
    ) as Record<FinalStatus, Refusal>,
    unknownId: {
      cancel: caseReading('unknown-id', unknown, 'cancel'),
      get: caseReading('unknown-id', unknown, 'get'),
    },
    duplicateCreate: duplicateAnswer(readings['duplicate-create']),
    cancelVisibleAfterMs: Math.round(readings['cancel-visible-after'] * 1000),
  };
}
