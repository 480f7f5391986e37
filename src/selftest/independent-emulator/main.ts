import { parseArgs } from 'node:util';
import { startIndependentEmulator, VARIANTS } from './index.ts';

// npx tsx src/selftest/independent-emulator/main.ts --variant a --port 4411
// Runs until interrupted; a bad flag prints one line and exits 2.
const USAGE = `usage: main.ts --variant ${Object.keys(VARIANTS).join('|')} [--port N] [--host HOST]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { variant?: string; port?: string; host?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      variant: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.variant || !(values.variant in VARIANTS))
  fail(`--variant must be one of ${Object.keys(VARIANTS).join(', ')} (got ${values.variant ?? 'nothing'})`);
const port = Number(values.port ?? '4411');
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a whole number from 0 to 65535 (got ${values.port})`);

const emulator = await startIndependentEmulator(values.variant, {
  port,
  ...(values.host ? { host: values.host } : {}),
});
console.log(`independent emulator, variant ${values.variant}, at ${emulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
