import { type ParseArgsConfig, parseArgs } from 'node:util';

// The command line of `npm run report`, `report:merge` and `leak-scan`. npm hands on the `--` that
// separates its own options; --help prints the command's usage and exits 0 before anything is read.
export function scriptArgs<const T extends Omit<ParseArgsConfig, 'args'>>(usage: string, config: T) {
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args });
  } catch (error) {
    // Node's message goes on to advise a `--` that npm has already taken; its first sentence is enough.
    throw new Error(`${(error as Error).message.split('. ')[0]} (see --help)`);
  }
}
