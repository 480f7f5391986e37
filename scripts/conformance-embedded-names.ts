// For npm run conformance (scripts/conformance.ts): the embedded target's profile and faults by name.
// The harness cannot know the emulator's names; this script may, and says so before any worker starts.
// The emulator is loaded only when a name is to be checked: a plain run starts sooner without it.
export async function embeddedProblems(profile: string | undefined, faults: string[]) {
  const problems: { variable: string; problem: string }[] = [];
  if (!profile && faults.length === 0) return problems;
  const { PROFILES, unknownFaults } = await import('../src/emulator/index.ts');
  if (profile && !(profile in PROFILES))
    problems.push({
      variable: 'MDE_EMULATOR_PROFILE',
      problem: `must be one of ${Object.keys(PROFILES).join(', ')} (got "${profile}")`,
    });
  const unknown = unknownFaults(faults);
  if (unknown) problems.push({ variable: 'MDE_EMULATOR_FAULTS', problem: `names ${unknown}` });
  return problems;
}
