import { ProfileFormatError, parseProfile } from '../../src/contract/index.ts';
import { expect } from './api-test.ts';

// The one line a bad profile file is refused with (the emulator prints it and exits 2).
export function profileProblem(data: unknown): string {
  try {
    parseProfile(data, 'my-profile.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileFormatError);
    return (error as Error).message;
  }
  throw new Error('the profile was accepted');
}
