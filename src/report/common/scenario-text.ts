/** The scenario fields the experiment reports show, read from the resolved scenario a results folder stores. */

export interface Region {
  id: string;
  name: string;
}

/** Scenario fields the experiment reports show (from a resolved scenario). */
export interface ScenarioText {
  name: string;
  title: string;
  description: string;
  /** The scenario's note on illustrative numbers ('' when it makes none). */
  illustrative: string;
  regions: Region[];
}

export function scenarioText(resolved: unknown, fallbackName: string): ScenarioText {
  const s = (resolved ?? {}) as { name?: unknown; title?: unknown; description?: unknown; illustrative?: unknown; regions?: { id?: unknown; name?: unknown }[] };
  const regions = Array.isArray(s.regions) ? s.regions.map((r) => ({ id: String(r.id), name: typeof r.name === 'string' && r.name ? r.name : String(r.id) })) : [];
  return {
    name: typeof s.name === 'string' ? s.name : fallbackName,
    title: typeof s.title === 'string' ? s.title : '',
    description: typeof s.description === 'string' ? s.description.trim() : '',
    illustrative: typeof s.illustrative === 'string' ? s.illustrative.trim() : '',
    regions,
  };
}
