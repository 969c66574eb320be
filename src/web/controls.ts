/// <reference lib="dom" />
/**
 * The settings panel: the scenario (its title, description and, when it has
 * one, its note on illustrative numbers), each government's choice, the fund
 * switch and the numeric levers (the fund's disabled while the fund is off),
 * the shared link. Every change goes through `onChange`, which the page wires
 * to the tabs.
 */
import { $, choiceOptions } from './page.js';
import {
  describeSettings,
  effectiveNumbers,
  encodeSettings,
  FUND_OFF_NOTE,
  fundEnabled,
  fundLeversActive,
  governmentChoiceOf,
  isGovernmentChoice,
  NUMERIC_LEVERS,
} from './settings.js';
import type { ExplorerState } from './state.js';

export interface Controls {
  /** Rebuilds the panel from the state (after the scenario or every setting changed). */
  render(): void;
  /** Records a change of the settings: URL, description, fund levers, version, then `onChange`. */
  changed(): void;
}

export function createControls(state: ExplorerState, onChange: () => void): Controls {
  function fillScenarioSelect(): void {
    const select = $<HTMLSelectElement>('scenario');
    select.replaceChildren(
      ...Object.keys(state.library).map((name) => {
        const o = document.createElement('option');
        o.value = name;
        o.textContent = state.uploaded.has(name) ? `${name} (from file)` : name;
        return o;
      }),
    );
    select.value = state.settings.scenario;
  }

  function renderScenario(): void {
    const scenario = state.base.scenario;
    $('scenario-title').textContent = scenario.title || scenario.name;
    $('scenario-description').textContent = describeSettings(state.settings, scenario);
    const note = $('scenario-illustrative');
    const text = scenario.illustrative?.trim() ?? '';
    note.hidden = text === '';
    note.replaceChildren();
    if (text) {
      const strong = document.createElement('strong');
      strong.textContent = 'Illustrative numbers: ';
      note.append(strong, text);
    }
  }

  function renderGovernments(): void {
    const govs = $('governments');
    govs.querySelectorAll('.lever').forEach((n) => n.remove());
    for (const region of state.base.scenario.regions) {
      const wrap = document.createElement('div');
      wrap.className = 'lever';
      const id = `gov-${region.id}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `${region.name}: strategy or rule`;
      const select = document.createElement('select');
      select.id = id;
      select.dataset.region = region.id;
      select.append(...choiceOptions());
      select.value = state.settings.governments[region.id] ?? governmentChoiceOf(state.base.scenario, region.id);
      select.addEventListener('change', () => {
        const v = select.value;
        if (!isGovernmentChoice(v)) return;
        if (v === governmentChoiceOf(state.base.scenario, region.id)) delete state.settings.governments[region.id];
        else state.settings.governments[region.id] = v;
        changed();
      });
      wrap.append(label, select);
      govs.append(wrap);
    }
  }

  function renderLevers(): void {
    $<HTMLInputElement>('fund-enabled').checked = fundEnabled(state.settings, state.base.scenario);
    const levers = $('levers');
    levers.querySelectorAll('.lever').forEach((n) => n.remove());
    const numbers = effectiveNumbers(state.settings, state.base.scenario);
    for (const lever of NUMERIC_LEVERS) {
      const wrap = document.createElement('div');
      wrap.className = 'lever';
      if (lever.fund) wrap.dataset.fund = 'true';
      const id = `lever-${lever.key}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      const out = document.createElement('output');
      out.htmlFor.add(id);
      out.id = `${id}-value`;
      label.append(`${lever.label}: `, out);
      const input = document.createElement('input');
      input.type = 'range';
      input.id = id;
      input.name = lever.key;
      input.min = String(lever.min);
      input.max = String(lever.max);
      input.step = String(lever.step);
      const value = numbers[lever.key];
      input.value = String(value);
      out.textContent = String(value);
      const help = document.createElement('span');
      help.className = 'help';
      help.id = `${id}-help`;
      help.textContent = lever.help;
      input.setAttribute('aria-describedby', help.id);
      wrap.classList.toggle('moved', state.settings.numbers[lever.key] !== undefined);
      input.addEventListener('input', () => {
        out.textContent = input.value;
        state.settings.numbers[lever.key] = Number(input.value);
        wrap.classList.add('moved');
        changed();
      });
      wrap.append(label, input, help);
      levers.append(wrap);
    }
    updateFundLevers();
  }

  /** The fund's levers are disabled, with a note saying why, while they cannot matter. */
  function updateFundLevers(): void {
    const active = fundLeversActive(state.settings, state.base.scenario);
    const note = $('fund-off-note');
    note.hidden = active;
    note.textContent = active ? '' : FUND_OFF_NOTE;
    for (const lever of NUMERIC_LEVERS.filter((l) => l.fund)) {
      const input = $<HTMLInputElement>(`lever-${lever.key}`);
      input.disabled = !active;
      input.closest('.lever')?.classList.toggle('off', !active);
      input.setAttribute('aria-describedby', active ? `lever-${lever.key}-help` : `lever-${lever.key}-help fund-off-note`);
    }
  }

  function updateUrl(): void {
    const url = `${location.pathname}?${encodeSettings(state.settings)}`;
    history.replaceState(null, '', url);
    $<HTMLInputElement>('share-url').value = new URL(url, location.href).href;
  }

  function changed(): void {
    updateUrl();
    state.version += 1;
    $('scenario-description').textContent = describeSettings(state.settings, state.base.scenario);
    updateFundLevers();
    onChange();
  }

  $<HTMLInputElement>('fund-enabled').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    if (on === state.base.scenario.fund.enabled) delete state.settings.fund;
    else state.settings.fund = on;
    changed();
  });

  return {
    render() {
      fillScenarioSelect();
      renderScenario();
      renderGovernments();
      renderLevers();
    },
    changed,
  };
}
