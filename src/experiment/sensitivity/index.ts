/** Global sensitivity analysis: Morris screening and Sobol' indices (pure estimators, seeded). */
export { DEFAULT_BOOTSTRAP, DEFAULT_CONFIDENCE, percentileInterval, scaleToIntervals, type BootstrapOptions, type IndexEstimate } from './common.js';
export { DEFAULT_MORRIS_LEVELS, elementaryEffects, morrisDesign, morrisIndices, type MorrisDesign, type MorrisIndices } from './morris.js';
export { SALTELLI_MAX_QUASI_PARAMETERS, SAMPLINGS, saltelliDesign, sobolIndices, type Sampling, type SaltelliDesign, type SobolIndices } from './saltelli.js';
export { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobol-sequence.js';
export { ishigami, ishigamiIndices, linear, linearIndices, ISHIGAMI_INTERVAL } from './test-functions.js';
export { INDEX_NAMES, METHODS, analyzeOutput, buildDesign, designSize, type DesignSettings, type IndexName, type OutputAnalysis, type ParameterIndices, type SensitivityDesign, type SensitivityMethod } from './analysis.js';
export { COUNTERFACTUAL_METRICS, defaultOutputs, defaultStatistic, needsCounterfactual, outputKey, parseOutputKey, parseOutputs, type OutputSpec } from './outputs.js';
