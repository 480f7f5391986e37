import { parseCli } from '../../../src/emulator/cli/args.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk gave --profile-file twice (a script's default and its own): the emulator started from the
// second alone, and only its start line said which. Two different values of a one-value flag are
// refused; the same value twice and the repeatable --fault are not.
test.describe('a flag given twice', () => {
  test('with two different values is refused, naming both', async () => {
    await expect(parseCli(['--profile-file', 'a.json', '--profile-file=b.json'], {})).rejects.toThrow(
      '--profile-file is given twice (a.json, then b.json); give it once',
    );
    await expect(parseCli(['--port', '4010', '--log-level', 'info', '--port', '4011'], {})).rejects.toThrow(
      '--port is given twice (4010, then 4011)',
    );
  });

  test('with the same value, or --fault repeated, starts as asked', async () => {
    const same = await parseCli(['--port', '4011', '--port', '4011'], {});
    expect(same.kind === 'run' && same.options.port).toBe(4011);
    const faults = await parseCli(['--fault', 'cancel-new-id', '--fault', 'signature-unchecked'], {});
    expect(faults.kind === 'run' && faults.options.faults).toEqual(['cancel-new-id', 'signature-unchecked']);
  });
});
