// @ts-check
// Where an attachment the report copies came from, so that allure-report/ can link it instead of writing
// it again. Creating a file costs this machine's disks far more than linking one (421 files: 150-280 ms
// against 6 ms, in /tmp and in the checkout alike), and a main job's report copies 400+ attachments of
// allure-results/ unchanged (docs/speed.md).
import { BufferResultFile } from '@allurereport/reader-api';

/** @type {WeakMap<Buffer, string>} */
const sources = new WeakMap();

// A result file read into memory that hands the report its own buffer, which names its file.
export class SourcedResultFile extends BufferResultFile {
  /**
   * @param {Buffer} buffer the file's content, read whole
   * @param {string} name its name in allure-results/
   * @param {string} path the file it was read from
   */
  constructor(buffer, name, path) {
    super(buffer, name);
    this.content = buffer;
    sources.set(buffer, path);
  }

  /**
   * The buffer read, not a copy through a stream (Allure's way): the same bytes, its source known.
   * @override
   * @returns {Promise<Buffer>}
   */
  async asBuffer() {
    return this.content;
  }
}

/**
 * The file `content` was read from, if it is a SourcedResultFile's buffer.
 * @param {Buffer} content
 * @returns {string | undefined}
 */
export function sourceOf(content) {
  return sources.get(content);
}
