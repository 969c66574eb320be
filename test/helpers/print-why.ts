/**
 * A quick look at the two "why" measurements, printed as the markdown
 * `chuanyu validate` would put in docs/VALIDATION.md:
 *
 *   npx tsx test/helpers/print-why.ts [waste|cap|both] [replications=4] [seeds=1] [workers=2] [firms]
 *
 * e.g. `npx tsx test/helpers/print-why.ts both 16 1,2 2` for the full figures.
 */
import { measureWasteMechanism } from '../../src/experiment/waste-mechanism.js';
import { measureRegionCapMultiplier } from '../../src/experiment/region-cap-multiplier.js';
import { wasteMechanismMarkdown } from '../../src/report/waste-mechanism-md.js';
import { regionCapMultiplierMarkdown } from '../../src/report/region-cap-multiplier-md.js';

const [which = 'both', replications = '4', seeds = '1', workers = '2', firms] = process.argv.slice(2);
const options = {
  replications: Number(replications),
  seeds: seeds.split(',').map(Number),
  workers: Number(workers),
  ...(firms ? { firms: Number(firms) } : {}),
  onProgress: () => process.stderr.write('.'),
};
const lines: string[] = [];
if (which !== 'cap') lines.push(...wasteMechanismMarkdown(await measureWasteMechanism(options)));
if (which !== 'waste') lines.push(...regionCapMultiplierMarkdown(await measureRegionCapMultiplier(options)));
process.stderr.write('\n');
process.stdout.write(lines.join('\n') + '\n');
