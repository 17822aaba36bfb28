import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found from this module whether run from source or from dist/. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'ontology'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`icat-kg: cannot find the package root above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();

export function ontologyPath(relative: string): string {
  return join(PACKAGE_ROOT, 'ontology', relative);
}
