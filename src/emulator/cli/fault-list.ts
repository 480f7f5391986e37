import type { FAULT_CATALOGUE } from '../faults/catalogue.ts';

// `--list-faults`: one row per fault (name, seam, the requirements it breaks), the name and seam columns
// as wide as their widest cell, and the description on its own lines below. Rows padded to every
// widest cell ran to 855 characters; this stays within WIDTH columns, requirements wrapped in their column.
const WIDTH = 100;
const DESCRIPTION_INDENT = '    ';

export function faultListLines(catalogue: typeof FAULT_CATALOGUE): string[] {
  const rows = catalogue.map((fault) => ({
    name: fault.name,
    seam: fault.seam,
    breaks: [...fault.breaks, ...('errors' in fault ? fault.errors.map((id) => `${id} (ERROR)`) : [])],
    description: fault.description,
  }));
  const nameWidth = Math.max(...rows.map((row) => row.name.length)) + 2;
  const seamWidth = Math.max(...rows.map((row) => row.seam.length)) + 2;
  const column = nameWidth + seamWidth;
  return rows.flatMap((row) => {
    const breaks = filled(
      row.breaks.map((id, i) => (i < row.breaks.length - 1 ? `${id},` : id)),
      WIDTH - column,
    );
    return [
      `${row.name.padEnd(nameWidth)}${row.seam.padEnd(seamWidth)}${breaks[0] ?? ''}`.trimEnd(),
      ...breaks.slice(1).map((line) => `${' '.repeat(column)}${line}`),
      ...filled(row.description.split(' '), WIDTH - DESCRIPTION_INDENT.length).map(
        (line) => `${DESCRIPTION_INDENT}${line}`,
      ),
    ];
  });
}

// Words joined by spaces into lines of at most `width` characters (a longer word has a line of its own).
function filled(words: string[], width: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
