/**
 * Moved to src/results/output-folder.ts. Kept for the two importers this
 * change may not touch (src/cli/main.ts, src/cli/actions/validate-action.ts);
 * remove once they import from src/results.
 */
export { asIoUserError, checkReplaceableFile } from '../results/output-folder.js';
