/**
 * Scoring a finished (or partly played) game over several seeds. One path is
 * noise: a single deviation moved a government's payoff by +1,522 [-1,223, 4,267]
 * billion yuan. So the student's exact sequence of moves (and the other
 * government's rule) is replayed in `PLAY_SCORE_REPLICATIONS` replications,
 * together with mutual cooperation and mutual competition in the same
 * replications (common random numbers), and each difference is a paired mean
 * with its 95% Student-t interval (src/experiment/paired.ts).
 */
import type { ModelConfig, Strategy } from '../model/config.js';
import { runReplication } from '../model/run.js';
import { pairedDifference, type PairedDifference } from '../experiment/paired.js';
import { withStrategies, type Progress } from './sim-core.js';

/** Replications a game is scored over: replication 1 is the game as played, 2..8 are other draws of the same seed. */
export const PLAY_SCORE_REPLICATIONS = 8;

export interface PlayScore {
  years: number;
  seed: number;
  replications: number;
  student: number;
  /** Mean cumulative payoff by region over the replications. */
  played: number[];
  mutualCooperation: number[];
  mutualCompetition: number[];
  /** The student's cumulative payoff minus the benchmark's, paired by replication. */
  vsCooperation: PairedDifference;
  vsCompetition: PairedDifference;
  /** The zone's (all regions') cumulative payoff minus the benchmark's. */
  zoneVsCooperation: PairedDifference;
  zoneVsCompetition: PairedDifference;
}

/** The config in which the student's government plays exactly `moves` (a fixed timeline), for `moves.length` years. */
export function replayConfig(config: ModelConfig, student: number, moves: readonly Strategy[]): ModelConfig {
  const rule = { rule: 'fixed' as const, strategy: moves[0] ?? 'invest', timeline: moves.map((strategy, step) => ({ step, strategy })) };
  return {
    ...config,
    steps: Math.max(1, moves.length),
    governments: config.governments.map((g, r) => (r === student ? { ...g, rule } : g)),
  };
}

const finalPayoff = (config: ModelConfig, seed: number, replication: number): number[] => {
  const records = runReplication(config, { seed, replication, keepLog: false }).records;
  return [...records[records.length - 1].region.cumulative_payoff];
};

const meanBy = (rows: number[][]): number[] => rows[0].map((_, r) => rows.reduce((a, row) => a + row[r], 0) / rows.length);
const zone = (row: number[]) => row.reduce((a, b) => a + b, 0);

/** The student's moves and the two benchmarks in replications 0..replications-1 of `seed` (same seeds for all three). */
export function scorePlay(
  config: ModelConfig,
  student: number,
  moves: readonly Strategy[],
  seed: number,
  replications = PLAY_SCORE_REPLICATIONS,
  progress?: Progress,
): PlayScore {
  const played = replayConfig(config, student, moves);
  const years = played.steps;
  const benchmark = (s: Strategy) => ({ ...withStrategies(config, config.regions.map(() => s)), steps: years });
  const [coopConfig, compConfig] = [benchmark('cooperate'), benchmark('compete')];
  const rows = { played: [] as number[][], coop: [] as number[][], comp: [] as number[][] };
  for (let r = 0; r < replications; r++) {
    rows.played.push(finalPayoff(played, seed, r));
    rows.coop.push(finalPayoff(coopConfig, seed, r));
    rows.comp.push(finalPayoff(compConfig, seed, r));
    progress?.(r + 1, replications);
  }
  const mine = (rs: number[][]) => rs.map((row) => row[student]);
  return {
    years,
    seed,
    replications,
    student,
    played: meanBy(rows.played),
    mutualCooperation: meanBy(rows.coop),
    mutualCompetition: meanBy(rows.comp),
    vsCooperation: pairedDifference(mine(rows.coop), mine(rows.played)),
    vsCompetition: pairedDifference(mine(rows.comp), mine(rows.played)),
    zoneVsCooperation: pairedDifference(rows.coop.map(zone), rows.played.map(zone)),
    zoneVsCompetition: pairedDifference(rows.comp.map(zone), rows.played.map(zone)),
  };
}

/**
 * "beat mutual competition by 1,234 [-56, 2,520] billion yuan over 8 replications; that is not
 * distinguishable from zero": the size named and its 95% interval, a shortfall as a positive number.
 */
export function describeDifference(d: PairedDifference, benchmark: string, fmt: (v: number) => string): string {
  const ahead = d.difference >= 0;
  const verb = ahead ? 'beat' : 'fell short of';
  // The interval of the quantity named: the lead when ahead, the shortfall (the difference negated) when behind.
  const [lo, hi] = ahead ? [d.ciLow, d.ciHigh] : [-d.ciHigh, -d.ciLow];
  const size = `${fmt(Math.abs(d.difference))} [${fmt(lo)}, ${fmt(hi)}] billion yuan`;
  const over = `over ${d.n} replication${d.n === 1 ? '' : 's'}`;
  if (!Number.isFinite(d.ciLow) || !Number.isFinite(d.ciHigh)) return `${verb} ${benchmark} by ${fmt(Math.abs(d.difference))} billion yuan ${over}; one replication gives no interval`;
  const distinct = d.ciLow > 0 || d.ciHigh < 0;
  return `${verb} ${benchmark} by ${size} ${over}; that ${distinct ? 'is' : 'is not'} distinguishable from zero`;
}
