// Bundles the dashboard's browser code (functions/charts/dashboard-client.ts and the chart renderers,
// d3-geo, d3-force, topojson-client and the world-atlas boundaries) into dist/ui/dashboard.js, which the
// server serves from its own host.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'functions', 'charts', 'dashboard-client.ts')],
  outfile: join(root, 'dist', 'ui', 'dashboard.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
