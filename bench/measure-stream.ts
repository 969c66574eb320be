/**
 * The floor the memory system puts under the investment pass: a bare loop that
 * reads every array the pass reads and writes every array it writes (same
 * element types, firms compacted in place as exits would be), doing one addition
 * per value, over as many firms as the 1M-firm benchmark run ends with. Compared
 * with the investment pass's own time per firm (measure-step.ts), it tells how
 * much of the pass is memory traffic and how much is its arithmetic.
 *   node --import tsx bench/measure-stream.ts <firms> <runs>
 */
const [firms, runs] = process.argv.slice(2, 4).map(Number);

const region = new Uint8Array(firms);
const home = new Uint8Array(firms);
const sector = new Uint8Array(firms);
const lossYears = new Uint8Array(firms);
const age = new Uint16Array(firms);
const capital = new Float64Array(firms).fill(1);
const profit = new Float64Array(firms).fill(0.1);
const fundIn = new Float64Array(firms);
const tech = new Float32Array(firms).fill(0.5);
const productivity = new Float32Array(firms).fill(1);
const outsideShare = new Float32Array(firms).fill(0.2);
const fundShare = new Float32Array(firms);

/** One pass: every array read, every array written one slot down from where it was read (a compaction). */
function pass(): number {
  let sum = 0;
  let write = 0;
  for (let i = 0; i < firms; i++) {
    const k = capital[i] + profit[i] + fundIn[i] + fundShare[i] + outsideShare[i];
    sum += k + region[i] + home[i] + sector[i] + lossYears[i];
    fundIn[i] = 0;
    region[write] = region[i];
    home[write] = home[i];
    sector[write] = sector[i];
    lossYears[write] = lossYears[i];
    outsideShare[write] = outsideShare[i];
    fundShare[write] = fundShare[i];
    profit[write] = profit[i];
    capital[write] = k * 0.5;
    tech[write] = tech[i] + 0;
    productivity[write] = productivity[i] + 0;
    age[write] = age[i] + 1;
    if (i % 64 !== 0) write++; // one in 64 exits, so later firms move down as in the real pass
  }
  return sum;
}

pass(); // warm-up (JIT)
const ns: number[] = [];
let checksum = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  checksum += pass();
  ns.push(((performance.now() - t0) * 1e6) / firms);
}
ns.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ firms, runs, nsPerFirm: { median: ns[Math.floor(runs / 2)], min: ns[0], max: ns[runs - 1] }, checksum: Number.isFinite(checksum) }) + '\n');
