import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { UiAssets } from '../http/app.js';
import { packageRoot } from '../package-paths.js';

/**
 * YASGUI's self-hostable build and the dashboard's bundle: from `dir` (a Lambda bundle copies them there,
 * UI_ASSETS_DIR), else from the installed YASGUI package and this package's dist/ui (built by `npm ci`).
 */
export function loadUiAssets(dir = process.env.UI_ASSETS_DIR): UiAssets {
  const build = dir ?? join(dirname(createRequire(import.meta.url).resolve('@zazuko/yasgui/package.json')), 'build');
  const bundles = dir ?? join(packageRoot(), 'dist', 'ui');
  return {
    'dashboard.js': {
      content: readFileSync(join(bundles, 'dashboard.js')),
      mediaType: 'text/javascript; charset=utf-8',
    },
    'yasgui.min.js': {
      content: readFileSync(join(build, 'yasgui.min.js')),
      mediaType: 'text/javascript; charset=utf-8',
    },
    'yasgui.min.css': { content: readFileSync(join(build, 'yasgui.min.css')), mediaType: 'text/css; charset=utf-8' },
  };
}
