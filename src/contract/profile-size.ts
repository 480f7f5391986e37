// A profile is a few KB (one entry per open point): a 32 MB file named by mistake took 13 s to be
// refused, and a larger one minutes and gigabytes. Above this size it is refused unread.
const MAX_PROFILE_BYTES = 1024 * 1024;

// Undefined for a file of a profile's size; else what is wrong, said after the file's name.
export function profileSizeProblem(size: number): string | undefined {
  if (size <= MAX_PROFILE_BYTES) return undefined;
  return `${(size / 1024 / 1024).toFixed(1)} MB is no profile file (a profile is a few KB, at most 1 MB): name the profile file`;
}
