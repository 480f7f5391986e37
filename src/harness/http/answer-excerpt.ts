import { redactedExcerpt } from '../redaction/excerpt.ts';

// What an unexpected answer said, short enough for one line: a web framework's error page (a 500 of a
// hand-made emulator) is mostly markup, and its first 300 characters are the <head> and its CSS, cut
// before the exception that says what broke: a report row would keep "body <!DOCTYPE html…" of it.
const MAX_TEXT = 300;
const MAX_PAGE_TEXT = 200;

export function answerExcerpt(text: string, contentType: string | undefined): string {
  if (text.trim() === '') return 'no body';
  const html = /\bhtml\b/i.test(contentType ?? '') || /^\s*<(!doctype html|html)\b/i.test(text);
  if (!html) return `body ${cut(text.trim(), MAX_TEXT)}`;
  const page = pageText(text);
  return page ? `an HTML page: ${cut(page, MAX_PAGE_TEXT)}` : 'an HTML page with no text';
}

// The text of the page's body (its title when the body has none), as a browser would show it.
function pageText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const body = html
    .replace(/<head[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
  return squeeze(decode(body)) || squeeze(decode(title));
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : entity;
  });
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Redacted before it is cut: a secret the cut went through would no longer match its registered value.
function cut(text: string, max: number): string {
  // One more than fits: what is shown may be longer than the text (a control character's escape).
  const shown = redactedExcerpt(text, max + 1);
  return shown.length <= max ? shown : `${shown.slice(0, max - 1)}…`;
}
