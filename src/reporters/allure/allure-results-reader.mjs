// @ts-check
// allure-results/ read into memory at once, not through Allure's readDirectory: that opens a read stream
// per file, and the report plugin opens another for every attachment it copies, one after the other;
// the generator child sat idle on those round trips to libuv's thread pool for a fifth of its
// generation (docs/speed.md). The same files reach the same readers, in the same (name) order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PathResultFile } from '@allurereport/reader-api';
import { SourcedResultFile } from './attachment-sources.mjs';

// Larger files (a big attachment) stay on disk and are streamed as before.
const IN_MEMORY_MAX_BYTES = 4 * 1024 * 1024;

/**
 * @param {import('@allurereport/core').AllureReport} report
 * @param {string} dir allure-results/, relative to the working directory
 */
export async function readResultsDir(report, dir) {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b));
  } catch {
    return; // As Allure's own reader: no results directory, no results.
  }
  for (const name of names) {
    const path = join(dir, name);
    let file;
    try {
      file =
        statSync(path).size > IN_MEMORY_MAX_BYTES
          ? new PathResultFile(path, name)
          : new SourcedResultFile(readFileSync(path), name, path);
    } catch (error) {
      // A file gone or unreadable spoils only itself, as in Allure's own reader.
      console.error(`allure: cannot read result file ${name}: ${/** @type {Error} */ (error).message}`);
      continue;
    }
    await report.readResult(file);
  }
}
