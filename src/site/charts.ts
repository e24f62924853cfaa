/**
 * Geometry for the stats page's charts, drawn at build time as SVG: the page
 * turns these numbers into <rect> and <text>, so no chart library ships.
 */

/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** Bar width in chart units (0–`width`). */
  length: number;
  y: number;
}

/** Lays out a horizontal bar chart: bars scaled to the largest value, one row each. */
export function barLayout(items: readonly { label: string; value: number }[], width: number, rowHeight: number): Bar[] {
  const max = Math.max(1, ...items.map((item) => item.value));
  return items.map((item, index) => ({ ...item, length: Math.round((item.value / max) * width * 10) / 10, y: index * rowHeight }));
}

/** One cell of a heat map: its row and column, its count and its shade (0–1, by share of the row's total). */
export interface Cell {
  row: number;
  column: number;
  value: number;
  shade: number;
}

/** Lays out an overlap matrix as cells; shade is the count over the smaller of the two topics' totals. */
export function heatmapCells(matrix: readonly (readonly number[])[]): Cell[] {
  return matrix.flatMap((row, i) =>
    row.map((value, j) => ({ row: i, column: j, value, shade: value === 0 ? 0 : Math.round((value / Math.max(1, Math.min(matrix[i][i], matrix[j][j]))) * 100) / 100 })),
  );
}
