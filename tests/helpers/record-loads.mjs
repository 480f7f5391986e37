// `node --import <this>`: every module the process loads through the ESM loader (the project's
// TypeScript through tsx, packages' entries) is appended, as a URL a line, to RECORD_LOADS_FILE.
// Read by loaded-modules.ts: a test of what a command loads before it answers counts, not times.
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_LOADS_FILE } });
