import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `ontology/`: ICAT_KG_ROOT when set (a Lambda bundle sets it), else found from this
 * module, whether it runs from source or from dist/.
 */
function findPackageRoot(): string {
  if (process.env.ICAT_KG_ROOT) return process.env.ICAT_KG_ROOT;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'ontology'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `icat-kg: cannot find the package root above ${fileURLToPath(import.meta.url)} (set ICAT_KG_ROOT)`,
      );
    dir = parent;
  }
  return dir;
}

let root: string | undefined;

/** The package root, found on first use. */
export function packageRoot(): string {
  root ??= findPackageRoot();
  return root;
}

export function ontologyPath(relative: string): string {
  return join(packageRoot(), 'ontology', relative);
}
