/**
 * Pure-strategy Nash equilibria and Pareto optimality of N-player games, each
 * with how sure it is when payoffs carry standard errors. The mixed equilibrium
 * of a 2x2 game is in mixed-2x2.ts.
 *
 * A profile is a Nash equilibrium when no player gains by a unilateral deviation
 * (Nash 1951; Osborne & Rubinstein 1994, def. 14.1). A deviation that pays
 * exactly as much keeps the profile an equilibrium, flagged "weak" (Fudenberg &
 * Tirole 1991, sec. 1.2). With estimated payoffs, a conclusion is "sure" only
 * when every gap deciding it is beyond z * SE (see uncertainty.ts).
 *
 * Pure: no Node APIs, so it runs in a browser too.
 */
import {
  allProfiles,
  comparePayoffs,
  deviate,
  payoffOf,
  profileNames,
  type GameUncertaintyOptions,
  type NormalFormGame,
  type Profile,
} from './normal-form.js';
import type { Gap } from './uncertainty.js';

/** One unilateral deviation and what it gains the deviator (payoff after minus before). */
export interface Deviation extends Gap {
  player: number;
  /** The strategy deviated to. */
  to: number;
}

export interface ProfileCheck {
  profile: number[];
  /** Strategy names, in player order. */
  names: string[];
  /** Mean payoffs, in player order. */
  payoffs: number[];
  /** No deviation gains on the means. */
  equilibrium: boolean;
  /** An equilibrium in which some deviation gains exactly nothing (a tie). */
  weak: boolean;
  /**
   * Whether the verdict survives the sampling error: an equilibrium is sure when
   * no deviation gain is uncertain; a non-equilibrium when some deviation surely gains.
   */
  sure: boolean;
  /** Every unilateral deviation, with its gain. */
  deviations: Deviation[];
  /** The deviations whose gain is within z * SE. */
  uncertain: Deviation[];
}

/** Checks every unilateral deviation from one profile. */
export function checkProfile(game: NormalFormGame, profile: Profile, options: GameUncertaintyOptions = {}): ProfileCheck {
  const deviations: Deviation[] = [];
  game.strategies.forEach((strategies, player) => {
    for (let to = 0; to < strategies.length; to++) {
      if (to === profile[player]) continue;
      deviations.push({ player, to, ...comparePayoffs(game, player, deviate(profile, player, to), profile, options) });
    }
  });
  // The verdict is on the means; the SE only says how sure it is.
  const equilibrium = !deviations.some((d) => d.onMeans === 'higher');
  const uncertain = deviations.filter((d) => d.status === 'uncertain');
  const sure = equilibrium ? uncertain.length === 0 : deviations.some((d) => d.status === 'higher');
  return {
    profile: [...profile],
    names: profileNames(game, profile),
    payoffs: game.players.map((_, i) => payoffOf(game, profile, i).mean),
    equilibrium,
    weak: equilibrium && deviations.some((d) => d.onMeans === 'equal'),
    sure,
    deviations,
    uncertain,
  };
}

export interface PureEquilibria {
  /** Profiles that are equilibria on the means (strict or weak). */
  equilibria: ProfileCheck[];
  /**
   * Profiles that are not equilibria on the means, but whose every gaining
   * deviation is within the sampling error: equilibria the data cannot rule out.
   */
  possible: ProfileCheck[];
}

/** Every pure-strategy Nash equilibrium, by enumeration of all profiles. */
export function findPureEquilibria(game: NormalFormGame, options: GameUncertaintyOptions = {}): PureEquilibria {
  const equilibria: ProfileCheck[] = [];
  const possible: ProfileCheck[] = [];
  for (const profile of allProfiles(game)) {
    const check = checkProfile(game, profile, options);
    if (check.equilibrium) equilibria.push(check);
    else if (!check.sure) possible.push(check);
  }
  return { equilibria, possible };
}

// ---------------------------------------------------------------------------
// Pareto optimality
// ---------------------------------------------------------------------------

export interface ParetoCheck {
  profile: number[];
  names: string[];
  payoffs: number[];
  /** Not Pareto-dominated on the means (equal payoff vectors do not dominate each other). */
  optimal: boolean;
  /** Whether the verdict survives the sampling error (see `possiblyDominatedBy`). */
  sure: boolean;
  /** Profiles that dominate this one on the means: nobody worse off, somebody better off. */
  dominatedBy: number[][];
  /** Profiles that surely dominate it: every difference beyond z * SE or exactly zero without error. */
  surelyDominatedBy: number[][];
  /** Profiles that might dominate it: no player surely worse off, some difference within the error. */
  possiblyDominatedBy: number[][];
}

/** Each profile's Pareto status (Osborne & Rubinstein 1994, sec. 1.7), sure or not. */
export function paretoAnalysis(game: NormalFormGame, options: GameUncertaintyOptions = {}): ParetoCheck[] {
  const profiles = allProfiles(game);
  const players = game.players.map((_, i) => i);
  return profiles.map((x) => {
    const dominatedBy: number[][] = [];
    const surelyDominatedBy: number[][] = [];
    const possiblyDominatedBy: number[][] = [];
    for (const y of profiles) {
      if (y === x) continue;
      const gaps = players.map((i) => comparePayoffs(game, i, y, x, options));
      if (gaps.every((g) => g.onMeans !== 'lower') && gaps.some((g) => g.onMeans === 'higher')) dominatedBy.push([...y]);
      if (gaps.some((g) => g.status === 'lower')) continue;
      if (gaps.every((g) => g.status === 'higher' || g.status === 'equal')) {
        if (gaps.some((g) => g.status === 'higher')) surelyDominatedBy.push([...y]);
      } else possiblyDominatedBy.push([...y]);
    }
    const optimal = dominatedBy.length === 0;
    // Optimal is sure when nothing might dominate; dominated is sure when something surely does.
    const sure = optimal ? possiblyDominatedBy.length === 0 && surelyDominatedBy.length === 0 : surelyDominatedBy.length > 0;
    return {
      profile: [...x],
      names: profileNames(game, x),
      payoffs: players.map((i) => payoffOf(game, x, i).mean),
      optimal,
      sure,
      dominatedBy,
      surelyDominatedBy,
      possiblyDominatedBy,
    };
  });
}

/** The Pareto-optimal profiles only. */
export function paretoOptimal(game: NormalFormGame, options: GameUncertaintyOptions = {}): ParetoCheck[] {
  return paretoAnalysis(game, options).filter((p) => p.optimal);
}
