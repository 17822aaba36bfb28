/**
 * Which JavaScript SHACL engine validates the real graph faster: shacl-engine (used by the build) or
 * rdf-validate-shacl. Both run the project's shapes over the same quads, three times each, alternating;
 * the report is the ratio of the medians, measured in this run.
 *
 *   npx tsx bench/shacl-engines.ts
 */
import { join } from 'node:path';
import rdf from '@zazuko/env-node';
import { DataFactory } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { packageRoot } from '../functions/package-paths.js';
import { buildGraph } from '../functions/publish/build-graph.js';
import { readRecordFiles } from '../functions/records/read-record-files.js';
import { validateRecords } from '../functions/records/validate-records.js';
import { Iris } from '../functions/rdf/iris.js';
import { projectShapes, validateShacl } from '../functions/validate/validate-shacl.js';
import { loadSdgKos } from '../functions/vocab/sdg-kos.js';
import { median } from './median.js';

const iris = new Iris('https://w3id.org/icat-kg/');
const kos = loadSdgKos();
const { records } = validateRecords(readRecordFiles(join(packageRoot(), 'data')), kos);
const { quads } = buildGraph(records, iris, kos);
const shapes = projectShapes(iris.base);

async function withShaclEngine(): Promise<number> {
  return (await validateShacl(quads, shapes)).results.length;
}

async function withRdfValidateShacl(): Promise<number> {
  const data = rdf.dataset(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
  const validator = new SHACLValidator(rdf.dataset(shapes), { factory: rdf });
  return (await validator.validate(data)).results.length;
}

const times: Record<string, number[]> = { 'shacl-engine': [], 'rdf-validate-shacl': [] };
const results: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  for (const [name, run] of [
    ['shacl-engine', withShaclEngine],
    ['rdf-validate-shacl', withRdfValidateShacl],
  ] as const) {
    const t = performance.now();
    results[name] = await run();
    times[name]!.push(performance.now() - t);
  }
}
const fast = median(times['shacl-engine']!);
const slow = median(times['rdf-validate-shacl']!);
console.log(
  `${quads.length} quads; results: shacl-engine ${results['shacl-engine']}, rdf-validate-shacl ${results['rdf-validate-shacl']}`,
);
console.log(`rdf-validate-shacl / shacl-engine, median of 3: ${(slow / fast).toFixed(1)}x the time`);
