// Reports made to be shared as one file carry their data base64-encoded, where a byte scan sees no token
// or key: Allure's single-file report (`--single-file`) embeds every data file and attachment as
// d("data/attachments/<id>.json","<base64>"), and Playwright's HTML report (playwright-report/) its
// whole data, attachments included, as a zip in data:application/zip;base64,... Playwright's blob
// report (report.jsonl in its zip) keeps each attachment's bytes as "base64":"...", and its JSON
// reporter as "body":"...". This reads them back out.
export interface EmbeddedFile {
  name: string;
  data: Buffer;
}

const ALLURE_EMBEDDED = /\bd\("([^"\\]{1,500})","([A-Za-z0-9+/]+={0,2})"\)/g;
const PLAYWRIGHT_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/]+={0,2})/g;
const JSON_ATTACHMENT = /"(?:base64|body)":"([A-Za-z0-9+/]{4,}={0,2})"/g;
// The attachment's name, written before its bytes in the same object.
const ATTACHMENT_NAME = /"name":"([^"\\]{1,200})"[^{}]*$/;

export function embeddedReportFiles(text: string): EmbeddedFile[] {
  const files: EmbeddedFile[] = [];
  // Cheap tests first: most files scanned are neither report's index.html.
  if (text.includes('d("'))
    for (const m of text.matchAll(ALLURE_EMBEDDED))
      files.push({ name: m[1]!, data: Buffer.from(m[2]!, 'base64') });
  if (text.includes('data:application/zip;base64,'))
    for (const m of text.matchAll(PLAYWRIGHT_ZIP))
      files.push({ name: 'report data (zip)', data: Buffer.from(m[1]!, 'base64') });
  if (text.includes('"base64":"') || text.includes('"body":"'))
    for (const m of text.matchAll(JSON_ATTACHMENT)) {
      const name = ATTACHMENT_NAME.exec(text.slice(Math.max(0, m.index - 500), m.index))?.[1];
      files.push({ name: `attachment${name ? ` ${name}` : ''}`, data: Buffer.from(m[1]!, 'base64') });
    }
  return files;
}
