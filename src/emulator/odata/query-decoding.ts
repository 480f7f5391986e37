// The query-string parser keeps a value it cannot decode (%FF, which is no UTF-8; %zz, which is no
// escape) as it came, so an undecodable $filter was read as one long field name and refused for that.
// Finds the first system query option whose value cannot be decoded, from the raw URL; the caller
// refuses it by name. Only a URL with a '%' after its '?' is taken apart.

export function undecodableOption(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0 || !url.includes('%', start)) return undefined;
  for (const pair of url.slice(start + 1).split('&')) {
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    const name = decoded(key) ?? key;
    if (name.startsWith('$') && equals >= 0 && decoded(pair.slice(equals + 1)) === undefined) return name;
  }
  return undefined;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
