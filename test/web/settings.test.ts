/**
 * The explorer's settings: the URL encoding round-trips, and an exported
 * scenario is accepted by the project's own loader (schema + normalize), both
 * the `extends`-by-name form and the self-contained form.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadScenarioFromText } from '../../src/scenario/load.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { buildScenario, mergeChain, SHIPPED_SCENARIOS } from '../../src/web/scenarios.js';
import {
  changedSettings,
  decodeSettings,
  describeSettings,
  emptySettings,
  encodeSettings,
  exportScenarioYaml,
  NUMERIC_LEVERS,
  overrideFields,
  type Settings,
} from '../../src/web/settings.js';
import { lensValues } from '../../src/model/metrics/lenses.js';
import { runReplication } from '../../src/model/run.js';
import { PlaySession, runExplorer } from '../../src/web/sim-core.js';
import { runEmpiricalGameInProcess } from '../../src/experiment/empirical-game.js';
import { runEmpiricalGame } from '../../src/experiment/game.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';
import { GAME_STRATEGIES, lensGames } from '../../src/web/game-view.js';

const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** A shipped scenario through the browser loader (Vite's `?raw` imports work under vitest too). */
function shipped(name: string) {
  return buildScenario(mergeChain(SHIPPED_SCENARIOS[name], name));
}

describe('URL encoding', () => {
  it('round-trips moved levers, government choices and the fund switch', () => {
    const settings: Settings = {
      scenario: 'cooperate',
      governments: { sichuan: 'tit-for-tat', chongqing: 'compete' },
      fund: false,
      numbers: { friction: 0.42, phi: 0.35, steps: 20, seed: 7, replications: 2, firms: 800, leverage: 1.5 },
    };
    const query = encodeSettings(settings);
    expect(query).toContain('scenario=cooperate');
    expect(decodeSettings(query)).toEqual(settings);
    expect(decodeSettings(`?${query}`)).toEqual(settings);
    expect(decodeSettings(`#${query}`)).toEqual(settings);
  });

  it('round-trips every lever at its extremes', () => {
    for (const lever of NUMERIC_LEVERS) {
      for (const v of [lever.min, lever.max]) {
        const s: Settings = { ...emptySettings('baseline'), numbers: { [lever.key]: v } };
        expect(decodeSettings(encodeSettings(s))).toEqual(s);
      }
    }
  });

  it('ignores malformed entries and clamps out-of-range numbers', () => {
    const s = decodeSettings('scenario=compete&gov.sichuan=bogus&steps=abc&friction=9&replications=0.4&fund=maybe');
    expect(s).toEqual({ scenario: 'compete', governments: {}, numbers: { friction: 0.8, replications: 1 } });
    expect(decodeSettings('').scenario).toBe('baseline');
  });
});

describe('scenario export', () => {
  const settings: Settings = {
    scenario: 'cooperate',
    governments: { chongqing: 'compete', sichuan: 'grim' },
    numbers: { friction: 0.2, psi: 0.3, steps: 12, replications: 2, firms: 600, fundSize: 50, reinvestment: 0.2 },
  };

  it('extends the shipped scenario by name and validates with ScenarioSchema through loadScenarioFromText', () => {
    const base = shipped('cooperate');
    const yaml = exportScenarioYaml(settings, base.scenario);
    const doc = parse(yaml) as Record<string, unknown>;
    expect(doc.extends).toBe('cooperate');
    const loaded = loadScenarioFromText(yaml, { scenariosDir });
    expect(loaded.chain.length).toBe(3); // the export, cooperate, baseline
    expect(loaded.scenario.friction.border).toBe(0.2);
    expect(loaded.scenario.policy.poachShare).toBe(0.3);
    expect(loaded.scenario.time.steps).toBe(12);
    expect(loaded.scenario.initial.firms).toBe(600);
    expect(loaded.scenario.fund.size).toBe(50);
    expect(loaded.config.governments[1].rule).toMatchObject({ rule: 'fixed', strategy: 'compete' });
    expect(loaded.config.governments[0].rule).toMatchObject({ rule: 'grim', initial: 'cooperate' });
    // The browser loader builds the same model config.
    const inBrowser = buildScenario(deepMerge(base.raw, overrideFields(settings, base.scenario)));
    expect({ ...inBrowser.config, name: loaded.config.name }).toEqual(loaded.config);
  });

  it('sets the industrial budget (subsidy level) of every government', () => {
    const base = shipped('compete');
    const yaml = exportScenarioYaml({ ...emptySettings('compete'), numbers: { budget: 0.6 } }, base.scenario);
    const loaded = loadScenarioFromText(yaml, { scenariosDir });
    expect(loaded.config.governments.map((g) => g.params.investShare)).toEqual([0.6, 0.6]);
    expect(loaded.config.governments.map((g) => (g.rule as { strategy?: string }).strategy)).toEqual(['compete', 'compete']);
  });

  it('writes only what moved (plus the explorer\'s firms and replications)', () => {
    const base = shipped('baseline');
    const doc = parse(exportScenarioYaml(emptySettings('baseline'), base.scenario)) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(['description', 'extends', 'initial', 'name', 'replications', 'title']);
  });

  it('writes a self-contained scenario that loads without a scenarios folder', () => {
    const base = shipped('tit-for-tat');
    const yaml = exportScenarioYaml({ ...settings, scenario: 'tit-for-tat' }, base.scenario, { baseRaw: base.raw });
    expect((parse(yaml) as Record<string, unknown>).extends).toBeUndefined();
    const loaded = loadScenarioFromText(yaml);
    expect(loaded.scenario.friction.border).toBe(0.2);
    expect(loaded.config.regions.map((r) => r.id)).toEqual(['sichuan', 'chongqing']);
  });

  it('every shipped scenario loads in the browser loader as in the CLI loader', () => {
    for (const name of ['baseline', 'compete', 'cooperate', 'exploited', 'tit-for-tat', 'three-regions', 'division-of-labour', 'historical', 'historical-calibrated']) {
      const text = `extends: ${name}\nname: ${name}-copy\n`;
      const cli = loadScenarioFromText(text, { scenariosDir });
      expect(shipped(name).config, name).toEqual({ ...cli.config, name });
    }
  });
});

describe('inherited descriptions (issue 13)', () => {
  const moved: Settings = { scenario: 'cooperate', governments: { chongqing: 'compete' }, fund: false, numbers: { friction: 0.2 } };

  it('shows the scenario\'s own description until a setting moves', () => {
    const base = shipped('cooperate');
    expect(base.scenario.description.length).toBeGreaterThan(20);
    expect(describeSettings(emptySettings('cooperate'), base.scenario)).toBe(base.scenario.description);
    // A lever moved back to the scenario's value is no change.
    const friction = base.scenario.friction.border;
    expect(describeSettings({ ...emptySettings('cooperate'), numbers: { friction } }, base.scenario)).toBe(base.scenario.description);
  });

  it('says "Based on <parent>: <changes>" once any setting moves, never the parent\'s text', () => {
    const base = shipped('cooperate');
    const text = describeSettings(moved, base.scenario);
    expect(text).not.toContain(base.scenario.description);
    expect(text.startsWith(`Based on "${base.scenario.title}": `)).toBe(true);
    expect(changedSettings(moved, base.scenario)).toEqual([
      `Border friction d: 0.2 (was ${base.scenario.friction.border})`,
      'Chongqing\'s government: compete (was cooperate)',
      'joint guidance fund: off (was on)',
    ]);
    for (const key of ['fundSize', 'leverage', 'phi', 'steps', 'seed']) {
      const one = describeSettings({ ...emptySettings('cooperate'), numbers: { [key]: NUMERIC_LEVERS.find((l) => l.key === key)!.max } }, base.scenario);
      expect(one, key).toMatch(/^Based on /);
    }
  });

  it('writes the derived description into the exported YAML, which the CLI loader keeps', () => {
    const base = shipped('cooperate');
    const yaml = exportScenarioYaml(moved, base.scenario);
    const loaded = loadScenarioFromText(yaml, { scenariosDir });
    expect(loaded.scenario.description).toBe(describeSettings(moved, base.scenario, { runSize: true }));
    expect(loaded.scenario.description).toMatch(/^Based on .*: Border friction d: 0\.2 \(was /);
    expect(loaded.scenario.description).not.toContain(base.scenario.description);
    const standalone = loadScenarioFromText(exportScenarioYaml(moved, base.scenario, { baseRaw: base.raw }));
    expect(standalone.scenario.description).toBe(loaded.scenario.description);
  });

  it('an export with no moved lever still names its smaller run instead of repeating the parent', () => {
    const base = shipped('baseline');
    const doc = parse(exportScenarioYaml(emptySettings('baseline'), base.scenario)) as { description: string };
    expect(doc.description).toBe(`Based on "${base.scenario.title}": Replications: 3 (was ${base.scenario.replications}); Firms at the start: 1500 (was ${base.scenario.initial.firms}).`);
  });
});

describe('worker computations', () => {
  const small = () => {
    const s = shipped('cooperate');
    return { ...s.config, steps: 6, initial: { ...s.config.initial, firmCount: 300 } };
  };

  it('a play session stepped year by year equals the run of the finished timeline', () => {
    const config = small();
    const session = new PlaySession(config, 0, 3);
    const moves = ['cooperate', 'compete', 'cooperate'] as const;
    for (const m of moves) session.step(m);
    expect(session.years.map((y) => y.strategies[0])).toEqual([...moves]);
    const replay = new PlaySession(config, 0, 3);
    for (const m of moves) replay.step(m);
    expect(replay.years).toEqual(session.years);
  });

  it('runs a live result', () => {
    const result = runExplorer(small(), 1, 2);
    expect(result.outcomes).toHaveLength(2);
    expect(result.series).toHaveLength(12);
  });

  it("runs the Game tab's game as chuanyu game does: the same empirical game, read in the objective and welfare lenses", async () => {
    const s = shipped('cooperate').scenario;
    const scenario = { ...s, time: { ...s.time, steps: 5 }, initial: { ...s.initial, firms: 300 } };
    const options = { strategies: GAME_STRATEGIES, seed: 1, replications: 2 };
    const progress: number[] = [];
    const browser = runEmpiricalGameInProcess(scenario, options, (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const cli = await runEmpiricalGame(scenario, { ...options, workers: 1, quiet: true });
    expect(browser).toEqual(cli);
    const [objective, welfare] = lensGames(browser);
    expect(objective.cells[1][0].means).toEqual(cli.profiles[2].values.objective.map((v) => (v[0] + v[1]) / 2));
    expect(welfare.cells[1][0].means).toEqual(cli.profiles[2].values.welfare.map((v) => (v[0] + v[1]) / 2));
    // The welfare lens is the model's, of the same run: replication 1 of compete/cooperate.
    const config = normalizeScenario(ScenarioSchema.parse({ ...scenario, governments: { ...scenario.governments, sichuan: { ...scenario.governments!.sichuan, strategy: 'compete' }, chongqing: { ...scenario.governments!.chongqing, strategy: 'cooperate' } } }));
    const run = runReplication(config, { seed: 1, replication: 1, keepLog: false });
    expect(browser.profiles[2].values.welfare.map((v) => v[1])).toEqual(lensValues(run.records, 2, config.metrics.discountRate).lens.welfare);
  });
});
