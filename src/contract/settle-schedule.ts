// When the suite reads again what the contract lets appear "shortly after" (a cancel on a later read,
// docs/contract.md#cancel-answer-status): pauses of the target's time between reads. The reading of
// docs/contract.md#cancel-visible-after is counted on this schedule, so the suite, the emulator and the
// calibration probe share it.

// 0.5 + 1 + 2 + 4 + 8 + 14.5 = 30 s over seven reads: quick for a fast service, and long enough for a
// replicating one without spending much of the read quota (7 GETs of 50 a minute).
export const SETTLE_PAUSES_SECONDS: readonly number[] = [0.5, 1, 2, 4, 8, 14.5];
export const SETTLE_BOUND_SECONDS = SETTLE_PAUSES_SECONDS.reduce((sum, s) => sum + s, 0);

// The seconds after the first read at which each read happens: 0, 0.5, 1.5, 3.5, 7.5, 15.5, 30.
export const SETTLE_READ_SECONDS: readonly number[] = [0, ...SETTLE_PAUSES_SECONDS].map((_, i, all) =>
  all.slice(0, i + 1).reduce((sum, s) => sum + s, 0),
);
