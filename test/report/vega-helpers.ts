/** Shared checks of Vega-Lite specs and PNG files for the report tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
export const ajv = new Ajv({ allowUnionTypes: true, strict: false });
// The schema's only formats are URIs ($schema, data urls); accept any string for them.
ajv.addFormat('uri', true);
ajv.addFormat('uri-reference', true);
ajv.addFormat('color-hex', /^#([0-9a-f]{3}){1,2}$/i);

/** Validates a spec against the Vega-Lite JSON schema (ajv; `.errors` after a failure). */
export const validate = ajv.compile(schema);

/** Compiles with a logger that collects Vega-Lite's warnings. */
export function compileWithWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => (warnings.push(`error: ${args.join(' ')}`), logger),
    warn: (...args: unknown[]) => (warnings.push(args.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  compile(spec, { logger } as never);
  return warnings;
}

/** Every `data` property anywhere in a spec. */
export function dataBlocks(node: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => dataBlocks(n, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data') out.push(value);
      dataBlocks(value, out);
    }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngHeaderSize(buffer: Buffer): { width: number; height: number } {
  expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
