// The anchors a Markdown file offers to links, as GitHub resolves them: explicit ids
// (<a id="x"></a>, <a name="x">) and heading slugs. Code offers none.
export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const headingCount = new Map<string, number>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode) continue;
    const outsideCode = line.replace(/`[^`]*`/g, '');
    for (const match of outsideCode.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    // GitHub numbers repeated headings: fields, fields-1, fields-2.
    const slug = headingSlug(heading[1]!);
    const seen = headingCount.get(slug) ?? 0;
    headingCount.set(slug, seen + 1);
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
  }
  return anchors;
}

// GitHub's slug: inline HTML dropped, link text kept, lower case, punctuation removed, each space a hyphen.
function headingSlug(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
