import { CliUsageError } from './usage.ts';

// The faults --fault names (every --fault given), else MDE_EMULATOR_FAULTS: comma-separated names, each
// known to the catalogue, or one CliUsageError line that names where the list came from.
export async function faultOption(
  flags: string[] | undefined,
  variable: string | undefined,
): Promise<string[]> {
  const faultSource = flags?.length ? '--fault' : 'MDE_EMULATOR_FAULTS';
  const faultTexts = flags?.length ? flags : [variable ?? ''];
  // A list of commas only ("$A,$B", both unset) asked for faults and named none: not the same as none.
  // A blank variable is an unset one, as the harness reads it; a blank flag is not.
  const noNames = flags?.length ? /^[\s,]+$/ : /^[\s,]*,[\s,]*$/;
  const commasOnly = faultTexts.find((text) => noNames.test(text));
  if (commasOnly !== undefined)
    throw new CliUsageError(
      `${faultSource} names no fault, only commas or spaces (got ${JSON.stringify(commasOnly)}; an unset variable?): give fault names, or leave it out.`,
    );
  const faults = faultTexts
    .join(',')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  // Checked here, not by resolveOptions: its line would name the option of startEmulator(), faults.
  // The catalogue (some 30 modules) is loaded only to check names given: a refusal of another
  // mistake, or --help, need not load it.
  if (faults.length > 0) {
    const { unknownFaults } = await import('../faults/unknown-faults.ts');
    const unknown = unknownFaults(faults);
    if (unknown) throw new CliUsageError(`${faultSource} names ${unknown}.`);
  }
  return faults;
}
