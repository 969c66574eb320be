/**
 * Trajectories kept by sweeps and sensitivity analyses (`--series`): chosen
 * metrics of the registry at every step of every replication of every point.
 * A series is named `place.metric`, the place as the tables name it: `zone`,
 * a region id or a pair `a~b` (`zone.similarity`, `sichuan.value_added`,
 * `sichuan~chongqing.similarity`); a bare metric name means every place it is
 * measured at, regions first, then pairs, then the zone (`value_added`: each
 * region and the zone).
 */
import { distance } from 'fastest-levenshtein';
import { METRICS, pairLabel, type MetricScope } from '../model/metric-registry.js';
import { regionPairs, type StepRecord } from '../model/record.js';
import type { ModelConfig } from '../model/config.js';
import { UserError } from '../scenario/errors.js';
import type { PointSeries, ReplicationSeries } from '../results/series-files.js';

export type { PointSeries, ReplicationSeries };

/** The `n` names nearest to `name` (edit distance, then alphabetical), for "closest:" hints. */
export function closestNames(name: string, valid: readonly string[], n = 3): string[] {
  return [...new Set(valid)]
    .map((v) => ({ v, d: distance(name.toLowerCase(), v.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.v < b.v ? -1 : 1))
    .slice(0, n)
    .map((x) => x.v);
}

const placesOf = (regions: readonly string[]) => {
  const pairs = regionPairs(regions.length).map(([a, b]) => pairLabel(regions[a], regions[b]));
  return { pairs, all: [...regions, ...pairs, 'zone'] }; // the order of metrics.csv: regions, pairs, zone
};

const scopeOfPlace = (place: string): MetricScope => (place === 'zone' ? 'zone' : place.includes('~') ? 'pair' : 'region');

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Parses `--series` texts (each may list several, comma-separated) into
 * `place.metric` keys in the order given, without repeats; unknown metrics and
 * places are a user error naming the closest ones.
 */
export function parseSeries(texts: readonly string[], regions: readonly string[], source = '--series'): string[] {
  const { pairs, all: places } = placesOf(regions);
  const metricNames = [...new Set(METRICS.map((m) => m.name))];
  const keys: string[] = [];
  for (const text of texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '')) {
    const where = `${source} "${text}"`;
    const parts = text.split('.');
    if (parts.length > 2) throw new UserError(`${where}: expected a metric name or place.metric, e.g. similarity, zone.similarity or sichuan.value_added`);
    const [place, metric] = parts.length === 2 ? parts : [undefined, parts[0]];
    const scopes = METRICS.filter((m) => m.name === metric).map((m) => m.scope);
    if (scopes.length === 0)
      throw new UserError(
        `${where}: unknown metric "${metric}"; closest: ${quoted(closestNames(metric, metricNames))} (every metric with its places is listed in docs/ODD.md, section 9)`,
      );
    let targets: string[];
    if (place !== undefined) {
      if (!places.includes(place)) throw new UserError(`${where}: unknown place "${place}"; closest: ${quoted(closestNames(place, places))}; places: ${places.join(', ')}`);
      if (!scopes.includes(scopeOfPlace(place)))
        throw new UserError(`${where}: ${metric} is measured for ${scopes.map((s) => (s === 'zone' ? 'the zone' : `each ${s}`)).join(' and ')}, not for "${place}"`);
      targets = [place];
    } else targets = places.filter((p) => scopes.includes(scopeOfPlace(p)) && (scopeOfPlace(p) !== 'pair' || pairs.includes(p)));
    for (const target of targets) {
      const key = `${target}.${metric}`;
      if (!keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

/** How to read a key's value from a step record. */
function readerOf(config: ModelConfig, key: string): (record: StepRecord) => number {
  const [place, metric] = key.split('.');
  const regions = config.regions.map((r) => r.id);
  if (place === 'zone') return (rec) => rec.zone[metric];
  if (place.includes('~')) {
    const p = placesOf(regions).pairs.indexOf(place);
    if (p < 0) throw new Error(`series ${key}: no such pair in the scenario`);
    return (rec) => rec.pair[metric][p];
  }
  const r = regions.indexOf(place);
  if (r < 0) throw new Error(`series ${key}: no such region in the scenario`);
  return (rec) => rec.region[metric][r];
}

/** One replication's trajectories of the keys, from its step records. */
export function replicationSeries(config: ModelConfig, keys: readonly string[], replication: number, records: readonly StepRecord[]): ReplicationSeries {
  const readers = keys.map((key) => readerOf(config, key));
  const values = new Float64Array(records.length * keys.length);
  records.forEach((rec, s) => readers.forEach((read, k) => (values[s * keys.length + k] = read(rec))));
  return { replication, steps: records.map((r) => r.step), years: records.map((r) => r.year), values };
}
