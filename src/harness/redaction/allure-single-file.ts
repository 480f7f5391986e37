// Allure's single-file report (`--single-file`, the one portable index.html meant for sharing) embeds
// every data file and attachment base64-encoded, as d("data/attachments/<id>.json","<base64>"): a token
// or a key in an attachment is invisible to a byte scan there. This reads those files back out.
export interface EmbeddedFile {
  name: string;
  data: Buffer;
}

const EMBEDDED = /\bd\("([^"\\]{1,500})","([A-Za-z0-9+/]+={0,2})"\)/g;

export function allureEmbeddedFiles(text: string): EmbeddedFile[] {
  // Cheap test first: most files scanned are not Allure's index.html.
  if (!text.includes('d("')) return [];
  return [...text.matchAll(EMBEDDED)].map((m) => ({ name: m[1]!, data: Buffer.from(m[2]!, 'base64') }));
}
