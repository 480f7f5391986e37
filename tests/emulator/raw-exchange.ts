import { connect } from 'node:net';

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
