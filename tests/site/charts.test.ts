import { describe, expect, it } from 'vitest';
import { barLayout, heatmapCells } from '../../src/site/charts.ts';

describe('barLayout', () => {
  it('scales bars to the largest value and stacks them in rows', () => {
    expect(barLayout([{ label: 'a', value: 10 }, { label: 'b', value: 5 }], 300, 30)).toEqual([
      { label: 'a', value: 10, length: 300, y: 0 },
      { label: 'b', value: 5, length: 150, y: 30 },
    ]);
  });

  it('draws empty bars when every value is zero', () => {
    expect(barLayout([{ label: 'a', value: 0 }], 300, 30)[0].length).toBe(0);
  });
});

describe('heatmapCells', () => {
  it('shades a cell by its share of the smaller topic', () => {
    const cells = heatmapCells([
      [10, 2],
      [2, 4],
    ]);
    expect(cells).toHaveLength(4);
    expect(cells[1]).toEqual({ row: 0, column: 1, value: 2, shade: 0.5 });
    expect(cells[0].shade).toBe(1);
  });
});
