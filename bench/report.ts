import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of the summary table. Without an Oxigraph figure there is no ratio; without `met`, not judged. */
export interface Row {
  readonly what: string;
  readonly ours: string;
  readonly oxigraph?: string;
  readonly ratio?: number;
  readonly goal: string;
  readonly met?: boolean;
}

/** One query's figures: the medians, their ratio, our cached answer's time and any difference in answers. */
export interface QueryRow {
  readonly id: string;
  readonly kind: string;
  readonly oursMs: number;
  readonly oxigraphMs: number;
  readonly ratio: number;
  readonly cachedMs?: number;
  readonly mismatch?: string;
  /** GROUP_CONCAT values Oxigraph left unbound where we concatenated (see compare-answers). */
  readonly unboundConcatenations?: number;
}

export interface BenchResults {
  readonly date: string;
  readonly mode: 'quick' | 'full';
  readonly machine: { cpus: number; cpu: string; node: string };
  readonly runsPerQuery: number;
  readonly rows: readonly Row[];
  readonly queries: { real: readonly QueryRow[]; scaled: readonly QueryRow[]; scaledQuads: number };
  readonly load: unknown;
  readonly coldStart: { ours: number; oxigraph: number };
  readonly build: { quads: number; seconds: number; peakMb: number; output: readonly string[] };
  readonly mismatches: readonly { id: string; mismatch: string }[];
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

/** Writes bench/results.json (every figure) and BENCHMARKS.md (the tables) at the package root. */
export function writeReport(root: string, results: BenchResults): void {
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const met = (row: Row) => (row.met === undefined ? 'not judged (--quick)' : row.met ? 'yes' : 'no');
  const summary = results.rows.map(
    (row) =>
      `| ${row.what} | ${row.ours} | ${row.oxigraph ?? '—'} | ${row.ratio === undefined ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.goal} | ${met(row)} |`,
  );
  const perQuery = (rows: readonly QueryRow[], cached: boolean) => [
    `| query | kind | ours (ms) | Oxigraph (ms) | ratio |${cached ? ' ours, cached (ms) |' : ''} same answer |`,
    `|---|---|---|---|---|${cached ? '---|' : ''}---|`,
    ...rows.map(
      (q) =>
        `| ${q.id} | ${q.kind} | ${ms(q.oursMs)} | ${ms(q.oxigraphMs)} | ${q.ratio.toFixed(1)}× |${cached ? ` ${q.cachedMs!.toFixed(2)} |` : ''} ${q.mismatch ? `**no**: ${q.mismatch}` : q.unboundConcatenations ? `yes, but ${q.unboundConcatenations} GROUP_CONCAT unbound in Oxigraph (an unbound value in the group; Comunica skips it)` : 'yes'} |`,
    ),
  ];
  const text = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${results.mode === 'quick' ? ' -- --quick' : ''}\` (bench/run-bench.ts) on ${results.date.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.cpu}, Node ${results.machine.node}. Every figure below comes from this one run; the baseline is Oxigraph (npm \`oxigraph\`, WebAssembly) behind a minimal SPARQL Protocol server on node:http (bench/oxigraph-server.mjs), over the same N-Quads and the same dataset (the default graph is the union of the named graphs). Queries go over HTTP from the same client to both; times are medians of ${results.runsPerQuery} run${results.runsPerQuery > 1 ? 's' : ''} after one untimed run. A ratio is ours / Oxigraph's time (for throughput, Oxigraph's / our requests per second): below 1 we are faster. Every query's answer is compared with Oxigraph's (rows in order where the query has ORDER BY, GROUP_CONCAT as a set of parts); a difference fails the run. All figures, with the build's own output, are in bench/results.json.`,
    '',
    '| what | ours | Oxigraph | ratio | goal | met |',
    '|---|---|---|---|---|---|',
    ...summary,
    '',
    `## Queries over the real dump set`,
    '',
    ...perQuery(results.queries.real, true),
    '',
    `## Queries over ${results.queries.scaledQuads.toLocaleString('en')} quads`,
    '',
    'The real dump set copied with fresh record IRIs until it holds that many quads (bench/replicate-dump.ts).',
    '',
    ...perQuery(results.queries.scaled, false),
    '',
  ].join('\n');
  writeFileSync(join(root, 'BENCHMARKS.md'), text);
}
