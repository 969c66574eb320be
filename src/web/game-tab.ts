/// <reference lib="dom" />
/**
 * The Game tab: `chuanyu game --strategies cooperate,compete` of the current
 * settings, run in a worker (src/experiment/empirical-game.ts), read in two
 * lenses (game-view.ts) and drawn as two payoff matrices (game-panel.ts). A
 * matrix remembers the settings version it was computed for and is greyed out
 * once the settings move on.
 */
import { markGameStale, renderLensGames } from './game-panel.js';
import { GAME_STRATEGIES, lensGames } from './game-view.js';
import { $, setError } from './page.js';
import { currentRunOrError, type ExplorerState } from './state.js';
import { CancelledError, type WorkerClient } from './worker-client.js';

export interface GameTab {
  /** The scenario changed: the game needs two regions. */
  refresh(): void;
  /** The settings changed: a matrix of other settings must not pass for the current one. */
  changed(): void;
}

export function createGameTab(state: ExplorerState, worker: WorkerClient): GameTab {
  /** The settings version the shown matrix was computed for (null: none shown). */
  let shownVersion: number | null = null;

  async function run(): Promise<void> {
    const current = currentRunOrError(state, setError);
    if (!current || current.config.regions.length !== 2) return;
    worker.restart();
    const version = state.version;
    const out = $('game-result');
    const progress = $('game-progress');
    const runs = `${GAME_STRATEGIES.length ** 2} profiles × ${current.replications} replication(s)`;
    progress.textContent = `Running ${runs}…`;
    try {
      const response = await worker.request({ type: 'game', scenario: current.built.scenario, seed: current.seed, replications: current.replications }, (done, total) => {
        progress.textContent = `Running ${runs}: ${done} of ${total} runs done…`;
      });
      out.replaceChildren(...renderLensGames(lensGames(response.game), response.game.regionNames));
      shownVersion = version;
      markGameStale(out, version !== state.version); // settings moved while it ran
      progress.textContent = `Done: ${runs}, seed ${current.seed} (each with its all-invest counterfactual, as chuanyu game runs them).`;
    } catch (e) {
      if (e instanceof CancelledError) return;
      progress.textContent = '';
      out.textContent = `The game failed: ${(e as Error).message}`;
    }
  }

  $('game-run').addEventListener('click', () => void run());
  return {
    refresh() {
      $<HTMLButtonElement>('game-run').disabled = state.base.scenario.regions.length !== 2;
    },
    changed() {
      if (shownVersion !== null) markGameStale($('game-result'), true);
    },
  };
}
