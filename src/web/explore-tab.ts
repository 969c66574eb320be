/// <reference lib="dom" />
/**
 * The Explore tab: a live run of the current settings in a worker (debounced,
 * a stale run cancelled), its summary in words, the explorer's charts and the
 * report's own charts of the same runs.
 */
import type { TopLevelSpec } from 'vega-lite';
import { LENS_LABELS, lensVerdict } from '../experiment/verdict.js';
import { duplicatedChart, outcomeLabel, runStrategyCells, similarityChart, strategyChart, valueAddedChart, winWinChart } from './charts.js';
import { $, setError, setStatus, showChart } from './page.js';
import type { ExplorerResult } from './sim-core.js';
import { currentRunOrError, type ExplorerState } from './state.js';
import { CancelledError, type WorkerClient } from './worker-client.js';

export interface ExploreTab {
  /** The settings changed: grey out the charts and run again shortly. */
  changed(): void;
}

/** The summary of a run in words: final similarity, each lens's verdict, classes of the replications. */
export function summaryText(result: ExplorerResult): { text: string; similarity: number } {
  const lastYear = Math.max(...result.series.map((q) => q.year));
  const last = result.series.filter((p) => p.year === lastYear);
  const similarity = last.reduce((a, p) => a + p.similarity, 0) / Math.max(1, last.length);
  const outcomes = result.outcomes.map((o) => outcomeLabel(o.outcome));
  const counts = [...new Set(outcomes)].map((o) => `${o.toLowerCase()} in ${outcomes.filter((x) => x === o).length} of ${outcomes.length}`);
  // The run's verdicts as the CLI gives them: each region's 95% interval, in each lens, welfare first.
  const ids = result.regions.map((r) => r.id);
  const verdicts = (['welfare', 'gdp', 'fiscal'] as const).map((lens) => {
    const v = lensVerdict(lens, ids, ids.map((_, r) => result.outcomes.map((o) => o.lenses[lens].change[r])), result.outcomes.map((o) => o.lenses[lens].outcome));
    return `In the ${LENS_LABELS[lens]}: ${v.verdict === 'indistinguishable' ? 'no verdict' : outcomeLabel(v.verdict).toLowerCase()}: ${v.explanation}.`;
  });
  const text =
    `Final similarity ${similarity.toFixed(3)}. Against everyone investing with the same seeds: ${verdicts.join(' ')} ` +
    `Replications by class (GDP lens): ${counts.join(', ')}. GDP is what the governments pursue; welfare is what their residents get.`;
  return { text, similarity };
}

export function createExploreTab(state: ExplorerState, worker: WorkerClient): ExploreTab {
  let runs = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  async function drawCharts(result: ExplorerResult): Promise<void> {
    const summary = summaryText(result);
    $('summary').textContent = summary.text;
    $('summary').dataset.similarity = summary.similarity.toFixed(6);
    const charts: [string, TopLevelSpec][] = [
      ['chart-similarity', similarityChart(result)],
      ['chart-value-added', valueAddedChart(result)],
      ['chart-duplicated', duplicatedChart(result)],
    ];
    if (result.regions.length >= 2)
      charts.push([
        'chart-winwin',
        winWinChart(result.regions, result.outcomes.map((o) => ({ label: `replication ${o.replication + 1}`, x: o.change[0], y: o.change[1], outcome: o.outcome }))),
      ]);
    const strategies = runStrategyCells(result);
    charts.push(['chart-strategies', strategyChart(strategies.cells, strategies.rows, 'Strategies over time (every replication)')]);
    await Promise.all(charts.map(([id, spec]) => showChart(id, spec)));
    await drawReportCharts(result);
  }

  /** The project's report charts (the same Vega-Lite specs as report.html), redrawn with every run. */
  async function drawReportCharts(result: ExplorerResult): Promise<void> {
    $('report-charts').replaceChildren(
      ...result.reportCharts.map((chart) => {
        const figure = document.createElement('figure');
        const heading = document.createElement('h3');
        heading.textContent = chart.heading;
        const div = document.createElement('div');
        div.id = `report-${chart.name}`;
        div.className = 'chart report-chart';
        const caption = document.createElement('figcaption');
        caption.textContent = chart.caption;
        figure.append(heading, div, caption);
        return figure;
      }),
    );
    await Promise.all(result.reportCharts.map((chart) => showChart(`report-${chart.name}`, chart.spec)));
  }

  async function run(): Promise<void> {
    const current = currentRunOrError(state, setError);
    if (!current) return;
    setError(null);
    if (worker.busy) worker.restart(); // cancel the stale run
    const reps = current.replications;
    setStatus(`Running ${reps} replication${reps === 1 ? '' : 's'} of ${current.config.steps} years with ${current.config.initial.firmCount} firms…`);
    try {
      const response = await worker.request({ type: 'run', config: current.config, seed: current.seed, replications: reps });
      await drawCharts(response.result);
      runs += 1;
      $('charts').dataset.run = String(runs);
      $('charts').classList.remove('stale');
      setStatus(`Done: ${reps} replication${reps === 1 ? '' : 's'} in ${(response.result.elapsedMs / 1000).toFixed(1)} s.`);
    } catch (e) {
      if (e instanceof CancelledError) return;
      setError((e as Error).message);
      setStatus('The run failed.');
    }
  }

  return {
    changed() {
      $('charts').classList.add('stale');
      clearTimeout(debounce);
      debounce = setTimeout(() => void run(), 250);
    },
  };
}
