/** The registry's pair metrics (one value per pair of regions), each with the function that computes it. */
import { krugmanIndex, similarityCoefficient } from './structure.js';
import type { PairMetric } from './metric-definition.js';

export const PAIR_METRICS: readonly PairMetric[] = [
  { name: 'similarity', scope: 'pair', kind: 'stock', unit: 'index', compute: (m, a, b) => similarityCoefficient(m.shares[a], m.shares[b]),
    description: 'UNIDO similarity coefficient of sector output shares (1 = identical).' },
  { name: 'krugman', scope: 'pair', kind: 'stock', unit: 'index', compute: (m, a, b) => krugmanIndex(m.shares[a], m.shares[b]),
    description: 'Krugman dissimilarity: sum of absolute share differences (0 to 2).' },
  { name: 'chain_clusters', scope: 'pair', kind: 'stock', unit: 'links', compute: (m, a, b) => m.chains.filter(([r, , s]) => (r === a && s === b) || (r === b && s === a)).length,
    description: 'Cross-border chain clusters: clustered cells in the two regions linked by a[j][k] above the threshold.' },
];
