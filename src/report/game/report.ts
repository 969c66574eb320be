/**
 * The game's charts and report.html, rendered from game.json (the analysed
 * payoff matrices, one per swept parameter value) alone so a user can restyle
 * without re-running: read.ts reads the folder, charts.ts lists the charts,
 * page.ts builds the page.
 */
import { readFolderProvenance } from '../../results/provenance.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chartFormats, writeExperimentCharts, type ExperimentReportOptions } from '../common/write-charts.js';
import { gameCharts } from './charts.js';
import { gameHtml } from './page.js';
import { readGame, type GameInfo } from './read.js';

export type { GameJson, GameJsonPoint, GameLensJson } from './read.js';
export { readGameJson } from './read.js';

export async function renderGameReport(dir: string, info: GameInfo, options: ExperimentReportOptions = {}): Promise<{ charts: string[]; report: string }> {
  const game = await readGame(dir, info);
  const outDir = join(dir, 'charts');
  const { drawn } = await writeExperimentCharts(outDir, gameCharts(game), chartFormats(options), options.captions);
  const report = join(outDir, 'report.html');
  await writeFile(report, gameHtml(game, drawn, await readFolderProvenance(dir)));
  return { charts: drawn.map((c) => c.name), report };
}
