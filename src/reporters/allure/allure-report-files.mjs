// @ts-check
// Where Allure's report plugin writes allure-report/: each file written at once, not through an
// awaited asynchronous write per file. The generator child does nothing else meanwhile, and the
// awesome plugin's 250-500 files, each a round trip to libuv's thread pool, left it idle for about half
// of its generation (docs/speed.md). Allure's config accepts any `reportFiles`.
import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { sourceOf } from './attachment-sources.mjs';

/** @typedef {import('@allurereport/core').FullConfig['reportFiles']} ReportFiles */

/** @implements {ReportFiles} */
export class DirectReportFiles {
  /**
   * @param {string} output the report's directory
   * @param {(file: string) => void} [onWritten] told each file's absolute path once it is written
   */
  constructor(output, onWritten) {
    this.output = resolve(output);
    this.onWritten = onWritten;
    /** @type {Set<string>} */
    this.made = new Set();
  }

  /**
   * @param {string} path relative to the report's directory
   * @param {Buffer} data
   */
  async addFile(path, data) {
    const target = resolve(this.output, path);
    const inside = relative(this.output, target);
    // As Allure's own writer: a plugin's path never leaves the report's directory.
    if (path.includes('\0') || inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside))
      throw new Error(`Allure report file "${path}" is outside ${this.output}`);
    const dir = dirname(target);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    if (!linked(sourceOf(data), target)) writtenAfresh(target, data);
    this.onWritten?.(target);
    return target;
  }
}

/**
 * An attachment copied unchanged from allure-results/ is a hard link to it: the same bytes without
 * creating a file. Where that fails (another file system, one without links, a name taken) it is written.
 * @param {string | undefined} source
 * @param {string} target
 * @returns {boolean}
 */
function linked(source, target) {
  if (!source) return false;
  try {
    linkSync(source, target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Written as a new file: a name written before may be a link to allure-results/, and writing through
 * it would change that file, and every report linked to it, instead of this report's copy.
 * @param {string} target
 * @param {Buffer} data
 */
function writtenAfresh(target, data) {
  try {
    unlinkSync(target);
  } catch {}
  writeFileSync(target, data);
}
