// Whether a file's bytes are UTF-16, as PowerShell 5's > and Out-File write it: one check for every
// file a user hands the suite (a .env, a profile, a seed, a records file), read as bytes, since text
// decoded as UTF-8 has already turned the byte order mark and any non-ASCII character into U+FFFD.

// Enough of the file to tell, at any size: UTF-16 shows itself from its first characters.
const SAMPLE_BYTES = 1024;

// Its byte order mark (either order), or the zero byte UTF-16 gives every character below U+0100: at
// one of the two alternate positions (after it little-endian, before it big-endian) in a quarter or
// more of the pairs, text beyond Latin-1 holding none there, while the other position is all but free
// of zeros (only a character such as U+4E00 puts one there). A file of zeros, or one cut short into
// zeros, has them at both positions alike; a stray NUL is a single zero: neither is UTF-16.
export function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const zeros = [0, 0];
  for (let i = 0; i < sample.length; i += 1) if (sample[i] === 0) zeros[i % 2]! += 1;
  const pairs = Math.floor(sample.length / 2);
  const [many, other] = zeros[0]! >= zeros[1]! ? [zeros[0]!, zeros[1]!] : [zeros[1]!, zeros[0]!];
  return many >= 2 && many * 4 >= pairs && other * 4 <= many;
}
