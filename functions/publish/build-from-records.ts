import type { PublishConfig } from '../config.js';
import { RecordsError } from '../records/problem.js';
import { validateRecords, type RecordFile } from '../records/validate-records.js';
import { Iris } from '../rdf/iris.js';
import { projectShapes, ShaclError, validateShacl, type ShaclReport } from '../validate/validate-shacl.js';
import { loadSdgKos } from '../vocab/sdg-kos.js';
import { buildGraph, type KnowledgeGraph } from './build-graph.js';
import { buildDumpSet, type DumpSet } from './dump-set.js';

export interface BuildResult {
  readonly graph: KnowledgeGraph;
  readonly shacl: ShaclReport;
  readonly dumps: DumpSet;
  /** Milliseconds per stage, for the CLI's report and the benchmarks. */
  readonly timings: Readonly<Record<BuildStage, number>>;
}

/** The stages of a build, in order. */
export type BuildStage = 'validate' | 'convert' | 'shacl' | 'serialize';

/** Told when each stage starts, so a long build can show where it is (the CLI prints it to stderr). */
export type BuildProgress = (stage: BuildStage) => void;

/**
 * The whole build, records to dump set: validate the records, convert, check the graph with SHACL,
 * serialize. Any invalid record or any SHACL violation stops it with an error carrying every problem.
 */
export async function buildFromRecords(
  files: readonly RecordFile[],
  config: PublishConfig,
  onStage: BuildProgress = () => undefined,
): Promise<BuildResult> {
  const iris = new Iris(config.baseIri);
  const kos = loadSdgKos();
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  onStage('validate');
  const { records, problems } = validateRecords(files, kos);
  if (problems.length > 0) throw new RecordsError(problems);
  const validate = lap();
  onStage('convert');
  const graph = buildGraph(records, iris, kos);
  const convert = lap();
  onStage('shacl');
  const shacl = await validateShacl(graph.quads, projectShapes(iris.base));
  if (shacl.results.some((r) => r.severity === 'Violation')) throw new ShaclError(shacl);
  const shaclMs = lap();
  onStage('serialize');
  const dumps = await buildDumpSet(graph, iris, config);
  return { graph, shacl, dumps, timings: { validate, convert, shacl: shaclMs, serialize: lap() } };
}
