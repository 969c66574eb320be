/// <reference lib="dom" />
/**
 * Scenario files in and out: the settings exported as a YAML file `chuanyu run`
 * accepts, and a file from disk loaded with the CLI's limits (size, encoding,
 * nesting, aliases, keys), parsed and validated in a worker so a huge or
 * hostile file shows an error and never freezes the page. Problems are shown as
 * `file:line:column: field: message`, as the CLI prints them.
 */
import { messages, UserError } from '../scenario/errors.js';
import { MAX_SOURCE_BYTES } from '../scenario/parse.js';
import { $, setError, setStatus } from './page.js';
import { SHIPPED_SCENARIOS } from './scenarios.js';
import { exportName, exportScenarioYaml } from './settings.js';
import type { ExplorerState } from './state.js';
import { CancelledError, type WorkerClient } from './worker-client.js';

/** A file still being read after this long is abandoned (its worker terminated). */
const FILE_TIMEOUT_MS = 20_000;

export function exportScenario(state: ExplorerState): void {
  const { settings, base } = state;
  const standalone = state.uploaded.has(settings.scenario) || $<HTMLInputElement>('export-standalone').checked;
  const yaml = exportScenarioYaml(settings, base.scenario, standalone ? { baseRaw: base.raw } : {});
  const blob = new Blob([yaml], { type: 'application/x-yaml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${exportName(settings.scenario)}.yaml`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  setStatus(
    standalone
      ? `Exported ${a.download}: run it with "chuanyu run ${a.download}".`
      : `Exported ${a.download}: save it in the scenarios/ folder, then run "chuanyu run scenarios/${a.download}".`,
  );
}

/** Reads `file` in `worker`; on success adds it to the library and calls `onLoaded` with its name there. */
export async function loadScenarioFile(state: ExplorerState, worker: WorkerClient, file: File, onLoaded: (name: string) => void): Promise<void> {
  worker.restart(); // a file still being read is abandoned
  if (file.size > MAX_SOURCE_BYTES) {
    // Not even read: the limit the worker would apply, without copying the file.
    setError(new UserError(messages.tooLarge(file.size, MAX_SOURCE_BYTES), { file: file.name }).message);
    setStatus(`Could not load ${file.name}.`);
    return;
  }
  setStatus(`Reading ${file.name}…`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const bytes = await file.arrayBuffer();
    const uploadedValues: Record<string, Record<string, unknown>> = {};
    for (const name of state.uploaded) {
      const entry = state.library[name];
      if (typeof entry === 'object') uploadedValues[name] = entry;
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${file.name}: reading the file took longer than ${FILE_TIMEOUT_MS / 1000} s, so it was abandoned`));
        worker.restart();
      }, FILE_TIMEOUT_MS);
    });
    const response = await Promise.race([worker.request({ type: 'load-file', file: file.name, bytes, uploaded: uploadedValues }), timeout]);
    let name = response.name;
    if (Object.hasOwn(SHIPPED_SCENARIOS, name)) name = `${name}-file`;
    state.library[name] = response.value;
    state.uploaded.add(name);
    setError(null);
    onLoaded(name);
    setStatus(`Loaded ${file.name} as "${name}".`);
  } catch (e) {
    if (e instanceof CancelledError) return;
    const message = (e as Error).message;
    // Messages from the worker's parser already start with the file name (file:line:column: ...).
    setError(message.startsWith(file.name) ? message : `${file.name}: ${message}`);
    setStatus(`Could not load ${file.name}.`);
  } finally {
    clearTimeout(timer);
  }
}
