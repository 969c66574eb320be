/** What one step reports: the record every table, chart and summary reads (built by record.ts). */
export interface StepRecord {
  step: number;
  year: number;
  /** metric name -> values: one per region, per pair (i < j order) or one for the zone. */
  region: Record<string, number[]>;
  pair: Record<string, number[]>;
  zone: Record<string, number>;
  /** [region][sector] tables: output, end-of-step capital and firms, LQ, and this step's investment (gross, by source: grants, relocation offers, fund money). */
  cells: { output: number[][]; capital: number[][]; firms: number[][]; lq: number[][]; investment: number[][]; grants: number[][]; offers: number[][]; fund: number[][] };
  /** Per sector market. */
  sectors: { demand: number[]; capacity: number[]; sold: number[]; price: number[]; utilization: number[]; duplicated: number[] };
}
