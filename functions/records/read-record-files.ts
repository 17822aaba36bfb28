import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { RecordFile } from './validate-records.js';

/**
 * Reads every file of a records folder (`data/` by default): one sub-folder per record type.
 * Paths are shown as given (`data/entities/unodc.yaml`), so messages point where the user looked.
 */
export function readRecordFiles(dir: string): RecordFile[] {
  const files: RecordFile[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const folderPath = join(dir, folder);
    if (!statSync(folderPath).isDirectory()) continue;
    for (const name of readdirSync(folderPath).sort()) {
      const path = join(folderPath, name);
      if (name.startsWith('.') || !statSync(path).isFile()) continue;
      files.push({ path: path.split(sep).join('/'), folder, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
