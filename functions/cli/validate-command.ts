import { readRecordFiles } from '../records/read-record-files.js';
import { formatProblem } from '../records/problem.js';
import { RECORD_TYPES } from '../records/record-types.js';
import { validateRecords } from '../records/validate-records.js';
import { loadSdgKos } from '../vocab/sdg-kos.js';
import type { CliIo } from './io.js';

/** `icat-kg validate [DIR]`: counts per record type, then one line per problem; exit 1 on any problem. */
export function validateCommand(dir: string, io: CliIo): number {
  const { records, problems, rejected } = validateRecords(readRecordFiles(dir), loadSdgKos());
  const width = Math.max(...RECORD_TYPES.map((t) => t.folder.length));
  io.out(`Records in ${dir}:`);
  let total = 0;
  for (const type of RECORD_TYPES) {
    const count = records.count(type);
    total += count;
    io.out(`  ${type.folder.padEnd(width)}  ${String(count).padStart(4)}`);
  }
  io.out(`  ${'total'.padEnd(width)}  ${String(total).padStart(4)}`);
  if (problems.length === 0) {
    io.out('All records are valid.');
    return 0;
  }
  for (const problem of problems) io.err(formatProblem(problem));
  io.err(
    `${problems.length} problem${problems.length === 1 ? '' : 's'}; ${rejected.length} record${rejected.length === 1 ? '' : 's'} rejected.`,
  );
  return 1;
}
