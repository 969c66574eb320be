/** Table headings name the statistic a summary cell really is. */
import { describe, expect, it } from 'vitest';
import { statisticText } from '../../src/report/common/headline-metrics.js';

describe('statisticText', () => {
  it('calls the final value of a cumulative quantity a total over the run, of others the final year', () => {
    expect(statisticText('value_added_change', 'region', 'final')).toBe('cumulative over the run');
    expect(statisticText('value_added_change_relative', 'zone', 'final')).toBe('cumulative over the run');
    expect(statisticText('cumulative_value_added', 'region', 'final')).toBe('cumulative over the run');
    expect(statisticText('similarity', 'zone', 'final')).toBe('final year');
  });

  it('sums flows over the run and averages everything else, as the replication summary does', () => {
    expect(statisticText('payoff', 'region', 'over_run')).toBe('sum over the run');
    expect(statisticText('utilization', 'zone', 'over_run')).toBe('mean over the run');
    expect(statisticText('duplicated_investment_share', 'zone', 'over_run')).toBe('mean over the run');
  });
});
