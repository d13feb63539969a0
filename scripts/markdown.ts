/** Markdown written by the repository's scripts, laid out as the formatter (biome) would leave it. */

export type Align = 'left' | 'right';

/** A Markdown table with padded columns; right-aligned columns are padded on the left and marked `---:`. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i]?.length ?? 0)));
  const right = (i: number) => align[i] === 'right';
  const line = (row: readonly string[]) =>
    `| ${widths.map((width, i) => (right(i) ? (row[i] ?? '').padStart(width) : (row[i] ?? '').padEnd(width))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (right(i) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), rule, ...body.map(line)].join('\n');
}
