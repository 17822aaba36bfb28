/**
 * Synthetic scale test of the build: the real records, with the activities, partnerships, initiatives,
 * publications, interventions and findings replicated under fresh ids until the graph reaches the wanted
 * size, then converted, checked with SHACL and serialized like a real build. Prints each stage's time per
 * million quads as a ratio to the real build measured in the same run (the machine is too noisy for
 * absolute figures), then the synthetic build's own figures: each stage's and each serialization's
 * seconds, the wall time of the whole run and the process's peak resident memory. `--out DIR` keeps the
 * synthetic dump set in DIR (to compare its files across changes) instead of a temporary folder.
 *
 *   npx tsx bench/synthetic-build.ts [--quads 1000000] [--out DIR]
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolvePublishConfig } from '../functions/config.js';
import { packageRoot } from '../functions/package-paths.js';
import { buildGraph } from '../functions/publish/build-graph.js';
import { buildDumpSet } from '../functions/publish/dump-set.js';
import { readRecordFiles } from '../functions/records/read-record-files.js';
import { RecordSet } from '../functions/records/record-set.js';
import {
  activityType,
  findingType,
  initiativeType,
  interventionType,
  partnershipType,
  publicationType,
  RECORD_TYPES,
  type RecordType,
} from '../functions/records/record-types.js';
import { validateRecords } from '../functions/records/validate-records.js';
import { Iris } from '../functions/rdf/iris.js';
import { projectShapes, validateShacl } from '../functions/validate/validate-shacl.js';
import { loadSdgKos } from '../functions/vocab/sdg-kos.js';

const REPLICATED: RecordType<{ id: string }>[] = [
  activityType,
  partnershipType,
  initiativeType,
  publicationType,
  interventionType,
  findingType,
];

const started = performance.now();
const option = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const wanted = Number(option('--quads') ?? 1_000_000) || 1_000_000;
const out = option('--out');
const kos = loadSdgKos();
const iris = new Iris('https://w3id.org/icat-kg/');
const config = resolvePublishConfig();
const { records } = validateRecords(readRecordFiles(join(packageRoot(), 'data')), kos);

interface Measured {
  quads: number;
  convert: number;
  shacl: number;
  serialize: number;
  /** Milliseconds per part of the serialize stage. */
  parts: Map<string, number>;
  bytes: number;
  /** The process's peak RSS in MB after each stage (it only grows: the stage that raises it is the culprit). */
  peaks: Map<string, number>;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function measure(set: RecordSet, keep?: string): Promise<Measured> {
  let t = performance.now();
  const lap = () => -t + (t = performance.now());
  const peaks = new Map<string, number>();
  const graph = buildGraph(set, iris, kos);
  const convert = lap();
  peaks.set('convert', peakMb());
  const report = await validateShacl(graph.quads, projectShapes(iris.base));
  if (!report.conforms) throw new Error(`synthetic graph does not conform: ${report.results.length} results`);
  const shacl = lap();
  peaks.set('SHACL', peakMb());
  const parts = new Map<string, number>();
  const dumps = await buildDumpSet(graph, iris, config, parts);
  const serialize = lap();
  peaks.set('serialize', peakMb());
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'icat-kg-bench-'));
  if (keep) rmSync(keep, { recursive: true, force: true });
  for (const f of dumps.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return {
    quads: graph.quads.length,
    convert,
    shacl,
    serialize,
    parts,
    bytes: dumps.files.reduce((n, f) => n + f.content.length, 0),
    peaks,
  };
}

function replicate(copies: number): RecordSet {
  const set = new RecordSet();
  for (const type of RECORD_TYPES as readonly RecordType<{ id: string }>[]) {
    for (const { file, record } of records.located(type)) {
      set.add(type, file, record);
      if (!REPLICATED.includes(type)) continue;
      for (let k = 1; k < copies; k++)
        set.add(type, file.replace(/\.yaml$/, `-x${k}.yaml`), { ...record, id: `${record.id}-x${k}` });
    }
  }
  return set;
}

const base = await measure(records);
// One more copy adds this many quads (the ontology, vocabulary and unreplicated records do not grow).
const perCopy = buildGraph(replicate(2), iris, kos).quads.length - base.quads;
const copies = Math.max(2, 1 + Math.ceil((wanted - base.quads) / perCopy));
const big = await measure(replicate(copies), out);
const perMillion = (m: Measured, ms: number) => (ms / m.quads) * 1e6;
const ratio = (stage: 'convert' | 'shacl' | 'serialize') =>
  (perMillion(big, big[stage]) / perMillion(base, base[stage])).toFixed(2);
console.log(`baseline: ${base.quads} quads, ${(base.bytes / 1e6).toFixed(1)} MB of dumps`);
console.log(`synthetic: ${big.quads} quads (${copies} copies), ${(big.bytes / 1e6).toFixed(1)} MB of dumps, completed`);
console.log(
  `time per quad, synthetic / baseline: convert ${ratio('convert')}, SHACL ${ratio('shacl')}, serialize ${ratio('serialize')}`,
);
console.log(
  `total, synthetic / baseline: ${((big.convert + big.shacl + big.serialize) / (base.convert + base.shacl + base.serialize)).toFixed(1)}x for ${(big.quads / base.quads).toFixed(1)}x the quads`,
);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `synthetic stages: convert ${seconds(big.convert)}, SHACL ${seconds(big.shacl)}, serialize ${seconds(big.serialize)} (${[
    ...big.parts,
  ]
    .map(([part, ms]) => `${part} ${seconds(ms)}`)
    .join(', ')})`,
);
console.log(
  `synthetic peak RSS after each stage: ${[...big.peaks].map(([stage, mb]) => `${stage} ${mb} MB`).join(', ')}`,
);
console.log(
  `whole run (baseline and synthetic): wall ${seconds(performance.now() - started)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
