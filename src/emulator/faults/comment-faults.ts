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
] as const satisfies readonly StoreFault[];
