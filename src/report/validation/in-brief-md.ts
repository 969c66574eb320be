/**
 * "In brief": the three questions the model was built to answer, answered in
 * plain words from the lens measurements (`measureLenses`), for the top of
 * docs/VALIDATION.md and the README's marked block. Every word that states a
 * result is chosen from a measured interval, so the answers change when the
 * model does; nothing here is typed in.
 */
import type { GameLensMeasurement, LensMeasurements, ScenarioLensMeasurement } from '../../experiment/lens-measurements.js';
import type { ChangeInterval } from '../../experiment/verdict.js';
import { GAME_LENSES, type GameLens } from '../../model/metrics/lenses.js';

const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
const interval = (c: ChangeInterval, digits = 0) => {
  const f = (x: number) => (digits === 0 ? n0(x) : x.toFixed(digits));
  return `${c.mean >= 0 ? '+' : ''}${f(c.mean)} [${f(c.low)}, ${f(c.high)}]`;
};
/** "more", "less" or "no measurable difference", from where the interval lies. */
const direction = (c: ChangeInterval, more: string, less: string, same: string) => (c.low > 0 ? more : c.high < 0 ? less : same);

const LENS_NAMES: Record<GameLens, string> = { objective: "the officials' objective", welfare: 'welfare', gdp: 'GDP', fiscal: 'the fiscal lens' };

function wasteAnswer(m: LensMeasurements): string[] {
  const worlds = m.scenarios.filter((s) => s.scenario.startsWith('compete'));
  if (worlds.length === 0) return [];
  return [
    '**Does competition waste, and when?** Mutual competition against its counterfactual (the same world and seeds, every',
    'government investing by plan, no fund), over the run:',
    '',
    '| world | seed | expansion wasted (bn yuan) | sectors in overcapacity (a year) | duplicated share of expansion | answer |',
    '|---|---|---|---|---|---|',
    ...worlds.map((s: ScenarioLensMeasurement) => {
      const w = s.waste;
      const answer = direction(w.wasted_expansion, 'wastes more than plan investment', 'wastes less than plan investment', 'no measurable difference in wasted expansion');
      return `| ${s.scenario} | ${s.seed} | ${interval(w.wasted_expansion)} | ${interval(w.overcapacity_sectors, 2)} | ${interval(w.duplicated_investment_share, 3)} | ${answer} |`;
    }),
    '',
  ];
}

function divisionAnswer(m: LensMeasurements): string[] {
  const worlds = m.scenarios.filter((s) => s.scenario.startsWith('division-of-labour'));
  if (worlds.length === 0) return [];
  const labels = [...new Set(worlds.map((s) => s.scenario))];
  return [
    '**Does the division of labour pay both regions?** Its verdict in each lens at each seed (win-win only when every',
    "region's 95% interval lies above zero; the regions' changes are in the tables below):",
    '',
    `| world | ${GAME_LENSES.map((l) => LENS_NAMES[l]).join(' | ')} |`,
    `|---|${GAME_LENSES.map(() => '---|').join('')}`,
    ...labels.map((label) => {
      const seeds = worlds.filter((s) => s.scenario === label);
      const verdict = (lens: GameLens) =>
        seeds.map((s) => `${s.verdicts[lens].verdict === 'indistinguishable' ? 'no verdict' : s.verdicts[lens].verdict} (seed ${s.seed})`).join(', ');
      return `| ${label} | ${GAME_LENSES.map(verdict).join(' | ')} |`;
    }),
    '',
  ];
}

/** "yes", "no: sichuan gains x by competing", or "cannot tell", for one lens of one game. */
function equilibriumWord(g: GameLensMeasurement, lens: GameLens): string {
  const players = g.deviation[lens];
  const deviators = players.filter((p) => p.status === 'gains');
  if (deviators.length > 0) return `no: ${deviators.map((p) => `${p.player} gains ${n0(p.gain)} by competing`).join(', ')}`;
  if (players.some((p) => p.status === 'uncertain')) return 'cannot tell (a gain within its error)';
  return 'yes';
}

function equilibriumAnswer(m: LensMeasurements, studyAnswers: boolean): string[] {
  if (m.games.length === 0) return [];
  return [
    '**Is mutual cooperation an equilibrium?** In the 2x2 game of cooperate against compete played in each world, mutual',
    'cooperation is a Nash equilibrium when neither government gains by competing while the other cooperates:',
    '',
    `| world | seed | ${GAME_LENSES.map((l) => LENS_NAMES[l]).join(' | ')} |`,
    `|---|---|${GAME_LENSES.map(() => '---|').join('')}`,
    ...m.games.map((g) => `| ${g.scenario} | ${g.seed} | ${GAME_LENSES.map((l) => equilibriumWord(g, l)).join(' | ')} |`),
    '',
    ...(studyAnswers ? ['Which fund designs and demand volatilities change this is mapped by the which-game study at the end of this report.', ''] : []),
  ];
}

/** The section's lines; `studyAnswers` says whether the report carries the which-game study's block. */
export function inBriefMarkdown(m: LensMeasurements, options: { heading?: string; studyAnswers?: boolean } = {}): string[] {
  return [
    options.heading ?? '## In brief',
    '',
    `Three questions, answered from the measurements below (${m.replications} replications at seed${m.seeds.length === 1 ? '' : 's'} ${m.seeds.join(' and ')}; regenerated by`,
    '`npm run validate`).',
    '',
    ...wasteAnswer(m),
    ...divisionAnswer(m),
    ...equilibriumAnswer(m, options.studyAnswers ?? false),
  ];
}
