/**
 * Progress of a calibration: evaluations done of the budget and the best RMSE
 * so far, as a bar on a terminal, as plain periodic lines otherwise (logs,
 * CI), nothing when quiet.
 */
import cliProgress from 'cli-progress';
import { formatEta } from '../progress.js';

export interface CalibrationProgress {
  update(evaluations: number, best: number): void;
  stop(): void;
}

export function createCalibrationProgress(options: { total: number; quiet?: boolean; stream?: NodeJS.WriteStream; intervalMs?: number }): CalibrationProgress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || options.total <= 0) return { update() {}, stop() {} };
  const started = Date.now();
  const eta = (done: number) => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    return formatEta(rate > 0 ? (options.total - done) / rate : Number.NaN);
  };
  const bestText = (best: number) => (Number.isFinite(best) ? best.toFixed(4) : '?');
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'Calibrating |{bar}| {value}/{total} evaluations | best RMSE {best} | ETA {etaText}', stream, hideCursor: true, fps: 5 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(options.total, 0, { best: '?', etaText: '?' });
    return {
      update(done, best) {
        bar.update(done, { best: bestText(best), etaText: eta(done) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const interval = options.intervalMs ?? 5000;
  let last = 0;
  return {
    update(done, best) {
      const now = Date.now();
      if (now - last < interval && done < options.total) return;
      last = now;
      stream.write(`Calibrating: ${done}/${options.total} evaluations, best RMSE ${bestText(best)}, ETA ${eta(done)}\n`);
    },
    stop() {},
  };
}
