/**
 * Progress of long jobs: a bar with runs done, rate and ETA on a terminal;
 * plain periodic lines when output is not a terminal (logs, CI); nothing when quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(count?: number): void;
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  label: string;
  unit: string;
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Plain-line mode: at most one line per this many milliseconds (default 5000). */
  intervalMs?: number;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || options.total <= 0) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${options.label} |{bar}| {value}/{total} ${options.unit} | {rate}/s | ETA {etaText}`,
        stream,
        hideCursor: true,
        etaBuffer: 20,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(options.total, 0, { rate: '0.0', etaText: '?' });
    let done = 0;
    return {
      tick(count = 1) {
        done += count;
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(done, { rate: rate.toFixed(1), etaText: formatEta(rate > 0 ? (options.total - done) / rate : Number.NaN) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const started = Date.now();
  const interval = options.intervalMs ?? 5000;
  let last = 0;
  let done = 0;
  const line = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(0.001, seconds);
    const eta = rate > 0 ? (options.total - done) / rate : Number.NaN;
    stream.write(`${options.label}: ${done}/${options.total} ${options.unit} (${Math.round((100 * done) / options.total)}%), ${rate.toFixed(1)}/s, ETA ${formatEta(eta)}\n`);
  };
  return {
    tick(count = 1) {
      done += count;
      const now = Date.now();
      if (now - last >= interval || done === options.total) {
        last = now;
        line();
      }
    },
    stop() {},
  };
}

/** Seconds as "42 s", "3 min 20 s" or "1 h 05 min"; "?" while unknown. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
