import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolvePublishConfig, type PublishConfigInput } from '../../functions/config.js';
import { buildFromRecords, type BuildResult } from '../../functions/publish/build-from-records.js';
import { packageRoot } from '../../functions/package-paths.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';

/** Builds the real records once per configuration and test file, and writes the dump set to a temp folder. */
export async function buildRealDumpSet(config: PublishConfigInput = {}): Promise<{ result: BuildResult; dir: string }> {
  const result = await buildFromRecords(readRecordFiles(join(packageRoot(), 'data')), resolvePublishConfig(config));
  const dir = mkdtempSync(join(tmpdir(), 'icat-kg-dumps-'));
  for (const file of result.dumps.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return { result, dir };
}
