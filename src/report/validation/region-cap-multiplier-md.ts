/** docs/VALIDATION.md's answer to "why does the fund's region cap move ten times more GDP than fund money?", from `measureRegionCapMultiplier`. */
import type { PairedDifference } from '../../experiment/paired.js';
import { GDP_PARTS, type CapFigure, type RegionCapMultiplier, type RegionCapShift } from '../../experiment/region-cap-multiplier.js';
import type { ChangeInterval } from '../../experiment/verdict.js';

const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const signed = (x: number) => `${x > 0 ? '+' : ''}${n0(x)}`;
const paired = (d: PairedDifference) => `${signed(d.difference)} [${n0(d.ciLow)}, ${n0(d.ciHigh)}]`;
const change = (c: ChangeInterval) => `${signed(c.mean)} [${n0(c.low)}, ${n0(c.high)}]`;
const pct = (part: number, whole: number) => (whole !== 0 && Number.isFinite(whole) ? `${Math.round((100 * part) / whole)}%` : 'n/a');
const ratio = (x: number | null) => (x === null || !Number.isFinite(x) ? 'n/a' : x.toFixed(1));

const FIGURE_COLUMNS: { figure: CapFigure; head: string }[] = [
  { figure: 'fundInvested', head: 'fund money' },
  { figure: 'fundFirstHalf', head: 'of it in the first half' },
  { figure: 'fundOutside', head: 'of it leverage' },
  { figure: 'grants', head: 'grants' },
  { figure: 'ownInvestment', head: 'own reinvestment' },
  { figure: 'relocations', head: 'relocations (firms)' },
  { figure: 'capital', head: 'final capital' },
  { figure: 'gdp', head: 'cumulative GDP' },
];

/** Per yuan of the fund money moved, how much GDP each part moved (the multiplier, split). */
function perYuan(x: RegionCapShift): string {
  const fund = x.figures.fundInvested.difference;
  return GDP_PARTS.map((p) => `${p.label} ${ratio(fund !== 0 ? x.parts[p.id].mean / fund : null)}`).join(', ');
}

export function regionCapMultiplierMarkdown(m: RegionCapMultiplier): string[] {
  const n = m.replications * m.seeds.length;
  const deepest = m.caps.reduce((a, c) => (c.cap < a.cap ? c : a), m.caps[0]);
  const loser = deepest.regions.reduce((a, r) => (r.figures.gdp.difference < a.figures.gdp.difference ? r : a), deepest.regions[0]);
  const gdp = loser.figures.gdp.difference;
  const fundParts = loser.parts.fundGovernment.mean + loser.parts.fundLeverage.mean;
  const largest = GDP_PARTS.reduce((a, p) => (Math.abs(loser.parts[p.id].mean) > Math.abs(loser.parts[a.id].mean) ? p : a), GDP_PARTS[0]);
  const opposite = m.caps.flatMap((c) => c.regions.map((r) => r.oppositeSigns)).reduce((a, b) => a + b, 0);
  const noRelocation = m.caps.every((c) => c.regions.every((r) => r.figures.relocations.difference === 0 && r.figures.relocationOffers.difference === 0 && r.parts.offers.mean === 0));
  const lines = [
    '### Why does the region cap move ten times more GDP than fund money? (measured)',
    '',
    `\`cooperate\` with \`fund.regionCap\` at ${m.caps.map((c) => c.cap).join(' and ')} against the uncapped fund, paired over ${n} replications (${m.replications} at each of`,
    `seed${m.seeds.length > 1 ? 's' : ''} ${m.seeds.join(', ')}; ${m.firms.toLocaleString('en-US')} initial firms). At cap ${deepest.cap}, ${loser.region}'s fund money changes by ${paired(loser.figures.fundInvested)} bn yuan`,
    `and its cumulative GDP by ${paired(loser.figures.gdp)} bn yuan, ${ratio(loser.multiplier)} times as much. The GDP shift is split exactly`,
    '(replication by replication) into what it follows from: production is value added per yuan of capital times last',
    'year\'s capital, and the capital shift into the depreciated shifts of each source of investment. Per yuan of fund money moved:',
    `${perYuan(loser)}.`,
    `The fund money itself (both parts, producing and depreciating at ${m.depreciation} a year) accounts for ${pct(fundParts, gdp)} of the shift;`,
    `the largest part is ${largest.label} (${pct(loser.parts[largest.id].mean, gdp)}). Two things make the ratio large:`,
    'cumulative GDP adds up every year\'s value added, while the money moved is a one-off stock; and what counts is when the cap moves',
    `the money (${paired(loser.figures.fundFirstHalf)} bn yuan of it in the run's first half): early capital has the most years to produce,`,
    `to earn profit that firms reinvest (${Math.round(100 * m.reinvestShare)}% of it after tax; net of depreciation the moved capital keeps growing), and to raise`,
    `value added that next year's budget, and so grants and fund payments, follow. ${noRelocation ? 'Relocations play no part: cooperating governments make no offers.' : 'Relocations and offers moved too (tables).'}`,
    `Total fund money moved is a poor yardstick: in ${opposite} of`,
    `${n * m.caps.length * deepest.regions.length} region-replications its sign is opposite to the GDP shift's.`,
    '',
    `Shift against the uncapped fund, bn yuan over the run: paired mean difference [95% interval].`,
    '',
    `| cap | region | ${FIGURE_COLUMNS.map((c) => c.head).join(' | ')} | GDP / fund money |`,
    `|---|---|${FIGURE_COLUMNS.map(() => '---|').join('')}---|`,
  ];
  for (const c of m.caps) for (const r of c.regions) lines.push(`| ${c.cap} | ${r.region} | ${FIGURE_COLUMNS.map((f) => paired(r.figures[f.figure])).join(' | ')} | ${ratio(r.multiplier)} |`);
  lines.push(
    '',
    'The cumulative GDP shift split into its parts, bn yuan: mean [95% interval]; the parts add up to the shift.',
    '',
    `| cap | region | ${GDP_PARTS.map((p) => p.label).join(' | ')} | GDP shift |`,
    `|---|---|${GDP_PARTS.map(() => '---|').join('')}---|`,
  );
  for (const c of m.caps) for (const r of c.regions) lines.push(`| ${c.cap} | ${r.region} | ${GDP_PARTS.map((p) => change(r.parts[p.id])).join(' | ')} | ${paired(r.figures.gdp)} |`);
  lines.push('');
  return lines;
}
