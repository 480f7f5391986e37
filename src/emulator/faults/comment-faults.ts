import type { StoreFault } from './fault-entry.ts';

// Faults of how a cancel keeps its Comment (the store seam: state/store-policy.ts), beside
// cancel-comment-mojibake in store-faults.ts.
export const COMMENT_FAULTS = [
  {
    // Input sanitizing meant for HTML pages: "INC-1 & INC-2" comes back "INC-1 &amp; INC-2", and an
    // automation that matches its own comment to know its cancels finds none.
    name: 'cancel-comment-html-encoded',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel stores its Comment HTML-encoded (& < > " \' as entities): a Comment without those characters comes back as sent, any other changed.',
    store: { cancellationComment: 'html-encoded' },
  },
  {
    // A column of three-byte UTF-8 (MySQL's utf8mb3) keeps accents but not emoji or rarer CJK: the
    // suite's Comments had no character beyond the Basic Multilingual Plane.
    name: 'cancel-comment-astral-lost',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancel stores each character of its Comment outside the Basic Multilingual Plane (an emoji) as '?': accented letters come back as sent.",
    store: { cancellationComment: 'bmp-only' },
  },
  {
    // A guard against log injection applied to the stored value: a multi-line Comment (a ticket's text
    // pasted by an automation) comes back on one line. The suite's Comments had no line break.
    name: 'cancel-comment-single-line',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel stores its Comment with each line break and tab turned into a space: a Comment on one line comes back as sent.',
    store: { cancellationComment: 'single-line' },
  },
  {
    // A model binder or validator that trims every string it reads: a Comment ending in a line break
    // (a ticket's text pasted whole) loses it. The suite's Comments ended in a GUID.
    name: 'cancel-comment-trimmed',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel stores its Comment with the white space at either end cut: a Comment that starts and ends with other characters comes back as sent.',
    store: { cancellationComment: 'trimmed' },
  },
  {
    // A comment column sized below what clients send, which truncates silently (MySQL outside strict
    // mode, an ORM that cuts to the declared length): the suite's Comments were under 100 characters.
    name: 'cancel-comment-cut-to-500',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel stores only the first 500 characters of its Comment, in the 200 and on GETs; a shorter Comment comes back as sent.',
    store: { cancellationComment: 'first-500' },
  },
  {
    // The actions clients most want to clear are the stuck ones (docs/contract.md#after-cancel): a path
    // for stale actions that records their state alone loses the reason an automation gave. The suite
    // judged the fields of fresh actions only.
    name: 'stale-cancel-comment-dropped',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel of an action created more than a day ago is stored Cancelled with cancellationComment null, in its 200 and on GETs; a younger action keeps the Comment sent.',
    store: { staleCancelCommentDroppedAfterMs: 86_400_000 },
  },
  {
    // DateTime.Now for DateTime.UtcNow on a server east of UTC: the time lies ahead, so a check that it
    // is not before the creation never sees it.
    name: 'cancel-date-local-time',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel records a cancellationDateTimeUtc two hours ahead of the time of the cancel (local time of a server at UTC+2 written as UTC).',
    store: { cancellationTime: 'local-ahead' },
  },
  {
    // The creation time itself passes a check that the cancel is not before the creation, and one that
    // it is not after the answer: only an action that waited before its cancel tells it from the time
    // of the cancel.
    name: 'cancel-date-is-creation',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancel records the action's creationDateTimeUtc as its cancellationDateTimeUtc (a mapper that copies the wrong timestamp): right for an action cancelled at once, days early for one that waited days.",
    store: { cancellationTime: 'creation' },
  },
  {
    // A running action's cancel stamped by the channel to its device with the time of the device's last
    // report: right for an action that began running just before, days early for one stuck running.
    // The suite judged the time of a stuck action's cancel on a Pending one alone.
    name: 'running-cancel-date-is-last-report',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancel of an InProgress action records the action's lastUpdateDateTimeUtc (its device's last report) as its cancellationDateTimeUtc: right for an action that began running just before, days early for one running for days; a Pending action's cancel records the time of the cancel.",
    store: { cancellationTime: 'last-report-if-running' },
  },
  {
    // A cancel without a reason (many automations send no body) taken down a path that records the
    // status alone: who cancelled and when were judged on cancels that carried a Comment.
    name: 'uncommented-cancel-fields-dropped',
    seam: 'store',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A cancel without a Comment ({} or no body) is stored Cancelled with cancellationRequestor and cancellationDateTimeUtc null, in its 200 and on GETs; a cancel with a Comment records all three.',
    store: { uncommentedStatusOnly: true },
  },
] as const satisfies readonly StoreFault[];
