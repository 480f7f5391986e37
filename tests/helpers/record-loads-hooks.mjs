// The loader hooks of record-loads.mjs. Written as each module is loaded, synchronously: a process
// that ends with process.exit() has recorded every module it loaded before.
import { appendFileSync } from 'node:fs';

let file = '';

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
