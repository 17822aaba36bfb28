import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { UiAssets } from '../http/app.js';

/**
 * YASGUI's self-hostable build: from `dir` (a Lambda bundle copies it there, UI_ASSETS_DIR), else from
 * the installed package.
 */
export function loadUiAssets(dir = process.env.UI_ASSETS_DIR): UiAssets {
  const build = dir ?? join(dirname(createRequire(import.meta.url).resolve('@zazuko/yasgui/package.json')), 'build');
  return {
    'yasgui.min.js': {
      content: readFileSync(join(build, 'yasgui.min.js')),
      mediaType: 'text/javascript; charset=utf-8',
    },
    'yasgui.min.css': { content: readFileSync(join(build, 'yasgui.min.css')), mediaType: 'text/css; charset=utf-8' },
  };
}
