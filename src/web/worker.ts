/**
 * The explorer's Web Worker: runs the project's model (src/model, bundled, not
 * copied) off the page's thread. A stale run is cancelled by the page
 * terminating this worker and starting a fresh one.
 */
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { loadScenarioFile, SHIPPED_SCENARIOS } from './scenarios.js';
import { scorePlay } from './play-score.js';
import { runEmpiricalGameInProcess } from '../experiment/empirical-game.js';
import { GAME_STRATEGIES } from './game-view.js';
import { PlaySession, runExplorer } from './sim-core.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;
let session: PlaySession | null = null;

function handle(req: WorkerRequest): WorkerResponse {
  const progress = (done: number, total: number) => scope.postMessage({ id: req.id, type: 'progress', done, total });
  switch (req.type) {
    case 'run':
      return { id: req.id, type: 'run', result: runExplorer(req.config, req.seed, req.replications) };
    case 'game':
      return { id: req.id, type: 'game', game: runEmpiricalGameInProcess(req.scenario, { strategies: GAME_STRATEGIES, seed: req.seed, replications: req.replications }, progress) };
    case 'play-start':
      session = new PlaySession(req.config, req.student, req.seed);
      return { id: req.id, type: 'play-start', steps: session.config.steps };
    case 'play-step': {
      if (!session) throw new Error('no game in progress');
      const year = session.step(req.strategy);
      return { id: req.id, type: 'play-step', year, done: session.done };
    }
    case 'play-auto': {
      if (!session) throw new Error('no game in progress');
      const years = [];
      const total = session.config.steps - session.years.length;
      while (!session.done) {
        years.push(session.step(session.nextByRule(req.rule)));
        progress(years.length, total);
      }
      return { id: req.id, type: 'play-auto', years };
    }
    case 'play-score': {
      if (!session) throw new Error('no game in progress');
      if (session.years.length === 0) throw new Error('play at least one year first');
      return { id: req.id, type: 'play-score', score: scorePlay(session.config, session.student, session.moves, session.seed, req.replications, progress) };
    }
    case 'load-file': {
      const library = Object.assign(Object.create(null) as Record<string, string | Record<string, unknown>>, SHIPPED_SCENARIOS, req.uploaded);
      const { value, name } = loadScenarioFile(new Uint8Array(req.bytes), req.file, library);
      return { id: req.id, type: 'load-file', value, name };
    }
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  try {
    scope.postMessage(handle(req));
  } catch (e) {
    scope.postMessage({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
