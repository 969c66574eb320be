/** Direct labels of the sector-structure chart: at the middle of each wide band in the last year. */
import { describe, expect, it } from 'vitest';
import { endLabels } from '../../src/report/run/charts/sector-structure.js';

describe('endLabels', () => {
  it('places each label at the middle of its band, the first sector at the top', () => {
    // Stacked from the bottom: C (0-0.2), B (0.2-0.5), A (0.5-1).
    expect(endLabels(['A', 'B', 'C'], [0.5, 0.3, 0.2])).toEqual([
      { sector: 'C', mid: 0.1 },
      { sector: 'B', mid: 0.35 },
      { sector: 'A', mid: 0.75 },
    ]);
  });

  it('normalises shares that do not sum to one and leaves thin bands to the legend', () => {
    const labels = endLabels(['A', 'B', 'C', 'D'], [2, 0.02, 1.98, 0]);
    expect(labels.map((l) => l.sector)).toEqual(['C', 'A']);
    expect(labels[0].mid).toBeCloseTo(0.2475, 6);
    expect(labels[1].mid).toBeCloseTo(0.75, 6);
  });

  it('keeps labels apart and draws none without output', () => {
    const labels = endLabels(['A', 'B', 'C'], [0.9, 0.05, 0.05]);
    for (let i = 1; i < labels.length; i++) expect(labels[i].mid - labels[i - 1].mid).toBeGreaterThanOrEqual(0.035);
    expect(endLabels(['A', 'B'], [0, 0])).toEqual([]);
  });
});
