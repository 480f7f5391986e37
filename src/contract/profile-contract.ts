import type { ProfileDocument } from './profile-format.ts';

// A profile observed by a suite of another contract (its source.contractHash): still read, since
// profileVersion says whether it can be, but its points may since be read otherwise. One warning line,
// for `npm run emulator` and for the embedded target; undefined for this contract's, or one naming none.
export function profileContractWarning(
  document: ProfileDocument,
  file: string,
  current: string,
): string | undefined {
  const theirs = document.source?.contractHash;
  if (!theirs || theirs === current) return undefined;
  const suite = document.source?.suite;
  return (
    `warning: ${file} was observed by ${suite ? `suite ${suite}` : 'a suite'} under another contract ` +
    `(${theirs}; this suite's is ${current}): its readings are used as written; ` +
    'run the suite against its target again to refresh it (docs/calibration.md#loop)'
  );
}
