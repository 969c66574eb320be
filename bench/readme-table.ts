/**
 * The README's speed table, written from bench/results.json between the
 * markers `<!-- bench:start -->` and `<!-- bench:end -->`, so the figures a
 * reader sees are the ones `npm run bench` measured, never typed in.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Stats = { median: number; min: number; max: number };
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const m = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 1e3 ? `${Math.round(x / 1e3)} k` : x.toFixed(2));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const range = (s: Stats, f: (x: number) => string) => `${f(s.median)} [${f(s.min)}, ${f(s.max)}]`;

export function benchTable(results: any): string {
  const { machine, date } = results;
  const t = results.targets;
  const lines = [
    `Measured ${date.slice(0, 10)} on ${machine.cores} cores (${machine.cpu}), ${Math.round(machine.memoryGiB)} GiB, Node ${machine.node}, by \`npm run bench\`:`,
    '',
    '| figure | measured (median [min, max]) | target |',
    '|---|---|---|',
  ];
  for (const s of results.step) {
    const at1M = s.firms === 1_000_000;
    lines.push(
      `| whole step, ${n(s.firms)} firms at start (${n(s.finalFirms)} after ${s.steps} steps) | ${at1M ? '**' : ''}${range(s.firmStepsPerSecond, m)}${at1M ? '**' : ''} firm-steps/s; ${Math.round(s.bytesPerFirmLive)} B/firm live state; peak RSS ${Math.round(s.peakRssBytes / 2 ** 20)} MiB | ${at1M ? `>= ${m(t.firmStepsPerSecondAt1M.target)} firm-steps/s; <= ${t.bytesPerFirm.target} B/firm` : ''} |`,
    );
  }
  for (const c of results.naiveComparison)
    lines.push(`| typed arrays vs one object per firm + immer (${n(c.firms)} firms, ${c.steps} steps) | ${m(c.typedArrays.median)} vs ${m(c.objectsWithImmer.median)} firm-steps/s: ${c.ratio.toFixed(0)}x | ${c === results.naiveComparison[results.naiveComparison.length - 1] ? `>= ${t.typedArraysOverImmer.target}x` : ''} |`);
  const h = results.historical;
  lines.push(`| historical 1978-2015, ${n(h.firms)} firms, ${h.replications} replications on ${h.workers} cores | **${h.seconds.median.toFixed(1)} s** [${h.seconds.min.toFixed(1)}, ${h.seconds.max.toFixed(1)}] | < ${t.historical100ReplicationsSeconds.target} s |`);
  const w = results.sweep;
  const by = w.pointsPerSecond;
  lines.push(`| sweep of ${w.points} points (${w.replicationsPerPoint} replications + counterfactuals, ${n(w.firms)} firms), running | 1 worker ${range(by[1].running, (x) => x.toFixed(2))}, 2 workers ${range(by[2].running, (x) => x.toFixed(2))} points/s: **${w.speedup.toFixed(2)}x** | >= ${t.sweepSpeedup.target}x |`);
  lines.push(`| the same sweep's first batch, from a cold start | ${range(by[1].cold, (x) => x.toFixed(2))} vs ${range(by[2].cold, (x) => x.toFixed(2))} points/s: **${w.coldSpeedup.toFixed(2)}x** | ${t.coldSweepSpeedup ? `>= ${t.coldSweepSpeedup.target}x` : ''} |`);
  for (const mem of results.memory ?? [])
    lines.push(
      `| long sweep on one pool, ${mem.workers} worker${mem.workers > 1 ? 's' : ''} (${n(mem.points)} points of ${n(mem.firms)} firms x ${mem.steps} steps) | main-thread live heap ${mem.heapMiB[0].toFixed(1)} -> ${mem.heapMiB[mem.heapMiB.length - 1].toFixed(1)} MiB (${mem.heapGrowthMiBPer1000Points.toFixed(2)} MiB per 1,000 points over the second half); RSS ${Math.round(mem.rssMiB[0])} -> ${Math.round(mem.rssMiB[mem.rssMiB.length - 1])} MiB | does not grow with points |`,
    );
  const st = results.study;
  if (st) {
    const min = (x: number) => (x / 60).toFixed(1);
    const sizes = st.sizes.map((z: any) => `N = ${z.samples} (${n(z.points)} points) ${range(z.seconds, (x) => x.toFixed(1))} s`).join(', ');
    lines.push(
      `| Sobol S1/ST with bootstrap intervals, ${st.parameters.length} parameters of ${st.scenario} (its own firm count, ${st.replications} replication + counterfactual a point, ${st.workers} workers, \`chuanyu sensitivity\` end to end) | ${sizes}; extrapolated to N = 1024 (${n(1024 * (st.parameters.length + 2))} points): **${range(st.extrapolatedSecondsAt1024, min)} min** | < ${t.studyMinutesAt1024?.target ?? 10} min |`,
    );
    if (st.full)
      lines.push(`| the same study at N = 1024, measured once in full (${st.full.date.slice(0, 10)}, load ${st.full.loadAverage.map((x: number) => x.toFixed(1)).join(' ')}) | **${min(st.full.seconds)} min** | < ${t.studyMinutesAt1024?.target ?? 10} min |`);
  }
  const big = results.step[results.step.length - 1];
  const parts = Object.entries(big.nsPerFirmStep as Record<string, number>).filter(([, ns]) => ns >= 0.5).sort((a, b) => b[1] - a[1]);
  const total = Object.values(big.nsPerFirmStep as Record<string, number>).reduce((a, b) => a + b, 0);
  lines.push('', `Where a firm-step's ${total.toFixed(0)} ns go at ${n(big.firms)} firms: ${parts.map(([p, ns]) => `${p} ${ns.toFixed(1)}`).join(', ')}.`);
  const floor = results.stream;
  if (floor)
    lines.push(
      '',
      `The investment pass costs ${results.step.map((s: any) => `${s.nsPerFirmStep['investment and exit'].toFixed(1)} ns a firm at ${n(s.firms)} firms`).join(', ')}; a bare loop that reads and writes the same arrays (\`bench/measure-stream.ts\`, ${n(floor.firms)} firms) costs ${range(floor.nsPerFirm, (x) => x.toFixed(1))} ns a firm.`,
    );
  return lines.join('\n');
}

export function writeBenchTable(readme: string, results: unknown): void {
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${readme}: no ${START} ... ${END} block to replace`);
  writeFileSync(readme, `${text.slice(0, a + START.length)}\n${benchTable(results)}\n${text.slice(b)}`);
}
