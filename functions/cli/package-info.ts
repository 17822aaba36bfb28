import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-paths.js';

/** The version of the installed package, from its own package.json (the single place it is written). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * The records folder when none is given: `data/` of the working directory (a checkout, or a curator's
 * copy), else the records shipped with the package, so an installed CLI builds the mapping anywhere.
 */
export function defaultDataDir(cwd: string = process.cwd()): string {
  return existsSync(join(cwd, 'data')) ? 'data' : join(packageRoot(), 'data');
}
