import { connect } from 'node:net';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../src/emulator/index.ts';
import { test } from '../../helpers/api-test.ts';
import { testKeys } from '../test-keys.ts';

// An emulator listening on loopback for the tests of the describe block that calls this: started before
// them, closed after. Such requests need a socket, not the emu fixture's inject().
export function listeningEmulator(options: Partial<EmulatorOptions> = {}): { readonly url: string } {
  let running: RunningEmulator | undefined;
  test.beforeAll(async () => {
    running = await startEmulator({ port: 0, ...options }, await testKeys());
  });
  test.afterAll(async () => running?.close());
  return {
    get url() {
      if (!running) throw new Error('the listening emulator is read before its beforeAll ran');
      return running.url;
    },
  };
}

// For requests no HTTP client sends (two Host lines, a bogus Expect, a header Node's parser refuses):
// writes raw bytes and reads whatever comes back until the server closes the connection.
export function rawExchange(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      text += chunk;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

// One answer read from those bytes: its status, its header lines in lower case, its JSON body.
export function parseRawAnswer(text: string): {
  status: number;
  headers: string;
  body: Record<string, unknown>;
} {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}
