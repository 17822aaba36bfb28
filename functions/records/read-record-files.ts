import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { RecordFile } from './validate-records.js';

/** `data/source/` holds the text of the source document the records cite: evidence, not records. */
const SOURCE_DOCUMENT_FOLDER = 'source';

/**
 * Reads every file of a records folder (`data/` by default): one sub-folder per record type.
 * Paths are shown as given (`data/entities/unodc.yaml`), so messages point where the user looked.
 * The source document's folder is skipped.
 */
export function readRecordFiles(dir: string): RecordFile[] {
  const files: RecordFile[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const folderPath = join(dir, folder);
    if (folder === SOURCE_DOCUMENT_FOLDER || !statSync(folderPath).isDirectory()) continue;
    for (const name of readdirSync(folderPath).sort()) {
      const path = join(folderPath, name);
      if (name.startsWith('.') || !statSync(path).isFile()) continue;
      files.push({ path: path.split(sep).join('/'), folder, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
