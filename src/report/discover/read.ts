/** Reads a `chuanyu discover` folder's boxes.json through the results reader (checked against results/discover-format.ts). */
import { resolve } from 'node:path';
import { readBoxesJson } from '../../results/discover-files.js';
import type { DiscoverFile } from '../../results/discover-format.js';

export const readDiscovery = (dir: string): Promise<DiscoverFile> => readBoxesJson(resolve(dir));
