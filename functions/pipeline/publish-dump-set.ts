import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import type { PublishConfig } from '../config.js';
import type { RecordGraph } from '../convert/convert-records.js';
import { assembleGraph } from '../publish/build-graph.js';
import { buildDumpSet, type DumpSet } from '../publish/dump-set.js';
import { Iris } from '../rdf/iris.js';
import type { Storage } from '../storage/storage.js';
import { projectShapes, ShaclError, validateShacl } from '../validate/validate-shacl.js';
import { LAYOUT } from './layout.js';
import { mapLimit } from './map-limit.js';
import { writeDumpSet } from './write-dump-set.js';

/**
 * Publishes the current graphs: merges them with the ontology and the linked vocabulary, validates with
 * SHACL, writes the dump set under `dumps/{version}/` (its manifest after every other file) and switches
 * `latest.json` last. On any failure the previous `latest.json` stays and the failure is written to
 * `reports/` before the error propagates.
 */
export async function publishDumpSet(sources: Storage, dumps: Storage, config: PublishConfig): Promise<DumpSet> {
  const iris = new Iris(config.baseIri);
  try {
    const recordGraphs: RecordGraph[] = [];
    const keys = await sources.list(LAYOUT.graphs);
    const objects = await mapLimit(keys, 16, async (key) => ({ key, object: await sources.get(key) }));
    for (const { key, object } of objects) {
      if (!object) continue;
      const byGraph = new Map<string, Quad[]>();
      for (const q of new Parser({ format: 'application/n-quads' }).parse(object.body.toString('utf8'))) {
        byGraph.set(q.graph.value, [...(byGraph.get(q.graph.value) ?? []), q]);
      }
      for (const [graph, quads] of byGraph) recordGraphs.push({ graph, file: key, quads });
    }
    const graph = assembleGraph(recordGraphs, iris);
    const shacl = await validateShacl(graph.quads, projectShapes(iris.base));
    if (shacl.results.some((r) => r.severity === 'Violation')) throw new ShaclError(shacl);
    const dumpSet = await buildDumpSet(graph, iris, config);
    await writeDumpSet(dumps, dumpSet);
    return dumpSet;
  } catch (error) {
    const report = {
      error: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof ShaclError
        ? { violations: error.report.results.filter((r) => r.severity === 'Violation') }
        : {}),
    };
    // Best effort: when the storage itself is failing, the report must not hide the original error.
    await dumps
      .put(LAYOUT.publishFailure, `${JSON.stringify(report, null, 2)}\n`, { contentType: 'application/json' })
      .catch(() => undefined);
    throw error;
  }
}
