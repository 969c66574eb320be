/** `chuanyu match`: yargs wiring only; the work is in actions/game-tools.ts. */
import type { Argv, CommandModule } from 'yargs';
import { numericOption, SEED_FLAG } from '../options.js';

interface MatchArgs {
  payoffs?: string;
  game?: string;
  lens?: string;
  turns: number;
  players: string;
  noise: number;
  seed: number;
  json: boolean;
}

export const matchCommand: CommandModule<object, MatchArgs> = {
  command: 'match',
  describe: 'Play an iterated 2x2 cooperate-vs-compete game between two named players',
  builder: (yargs: Argv) =>
    yargs
      // nargs 1: take the next word even when it starts with a minus sign ("-1,0,5,1").
      .option('payoffs', { type: 'string', nargs: 1, describe: 'R,S,T,P: both cooperate, sucker, temptation, both compete (or --game)' })
      .option('turns', { ...numericOption('--turns', { integer: true, min: 1, max: 1_000_000 }, { describe: 'Number of rounds' }), demandOption: true })
      .option('players', { type: 'string', nargs: 1, demandOption: true, describe: 'Two player names, e.g. tit-for-tat,always-compete (a wrong name lists the valid ones)' })
      .option('noise', numericOption('--noise', { min: 0, max: 1 }, { default: 0, describe: 'Probability that an intended move is flipped' }))
      .option('seed', numericOption('--seed', SEED_FLAG, { default: 1, describe: 'Seed of the random streams (rules that draw, noise)' }))
      .option('game', { type: 'string', nargs: 1, describe: 'Take the payoffs from a `chuanyu game` results folder (its cooperate-vs-compete sub-game) instead' })
      .option('lens', { type: 'string', choices: ['objective', 'welfare', 'gdp', 'fiscal'], describe: 'With --game: the lens the payoffs are in (default objective)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {"scores": [a, b], "moves": [..., ...]}' })
      .example('$0 match --payoffs 3,0,5,1 --turns 200 --players tit-for-tat,always-compete', 'Tit-for-tat loses only the first round: 199 to 204')
      .example('$0 match --payoffs 3,0,5,1 --turns 100 --players pavlov,pavlov --noise 0.05 --json', 'Pavlov in self-play with 5% trembles')
      .example('$0 match --game results/cooperate/game-... --lens welfare --turns 50 --players tit-for-tat,grim', 'Play the simulated game, as residents would score it') as unknown as Argv<MatchArgs>,
  handler: async (args) => {
    const { matchAction } = await import('../actions/game-tools.js'); // loaded when used, so other commands start fast
    matchAction(args);
  },
};
