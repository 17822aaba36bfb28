import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { publishConfigFromEnv } from '../config.js';
import { buildFromRecords, type BuildStage } from '../publish/build-from-records.js';
import { formatProblem, RecordsError } from '../records/problem.js';
import { readRecordFiles } from '../records/read-record-files.js';
import { formatViolation, ShaclError } from '../validate/validate-shacl.js';
import type { CliIo } from './io.js';

export interface BuildOptions {
  readonly data: string;
  readonly out: string;
  /** No progress lines on stderr. */
  readonly quiet?: boolean;
}

const STAGE_TITLES: Readonly<Record<BuildStage, string>> = {
  validate: 'validating the records',
  convert: 'converting them to RDF',
  shacl: 'checking the graph with SHACL',
  serialize: 'serializing the dump set',
};

/** `icat-kg build --out DIR`: records → graph → SHACL → dumps, catalog, VoID and manifest in DIR. */
export async function buildCommand(options: BuildOptions, io: CliIo): Promise<number> {
  const config = publishConfigFromEnv();
  // Progress goes to stderr, so stdout keeps only the summary that scripts read.
  const started = performance.now();
  const progress = (what: string) => {
    if (!options.quiet) io.err(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}…`);
  };
  let result;
  try {
    const files = readRecordFiles(options.data);
    progress(`read ${files.length} record files from ${options.data}`);
    result = await buildFromRecords(files, config, (stage) => progress(STAGE_TITLES[stage]));
  } catch (error) {
    if (error instanceof RecordsError) {
      for (const p of error.problems) io.err(formatProblem(p));
      io.err(`Build stopped: ${error.problems.length} problem(s) in the records.`);
      return 1;
    }
    if (error instanceof ShaclError) {
      const violations = error.report.results.filter((r) => r.severity === 'Violation');
      for (const v of violations) io.err(formatViolation(v));
      io.err(`Build stopped: SHACL found ${violations.length} violation(s).`);
      return 1;
    }
    throw error;
  }
  const { dumps, shacl, timings } = result;
  // The output folder holds exactly one dump set: stale files of an earlier build must not linger.
  progress(`writing ${dumps.files.length} files to ${options.out}`);
  rmSync(options.out, { recursive: true, force: true });
  for (const file of dumps.files) {
    const path = join(options.out, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const s = dumps.statistics;
  io.out(`Built dump set ${dumps.version} in ${options.out} (base ${config.baseIri})`);
  io.out(
    `  ${s.quads} quads, ${s.triples} distinct triples, ${s.namedGraphs} named graphs, ${s.entities} entities, ${s.classes.size} classes`,
  );
  io.out(`  SHACL: 0 violations, ${shacl.results.length} other results`);
  io.out(
    `  ${dumps.files.length} files; validate ${timings.validate} ms, convert ${timings.convert} ms, SHACL ${timings.shacl} ms, serialize ${timings.serialize} ms`,
  );
  return 0;
}
