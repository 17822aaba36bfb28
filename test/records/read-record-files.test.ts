import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../functions/package-paths.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';

const work = mkdtempSync(join(tmpdir(), 'icat-kg-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readRecordFiles', () => {
  it('reads every record folder but skips source/, the text of the source document', () => {
    for (const [path, text] of [
      ['entities/unodc.yaml', 'id: unodc\n'],
      ['source/icat-2021-mapping-resource.txt', 'Introduction, settings and aims\n'],
      ['source/README.md', '# The source document\n'],
      ['sources/icat-2021-mapping-resource.yaml', 'id: icat-2021-mapping-resource\n'],
    ] as const) {
      mkdirSync(join(work, path, '..'), { recursive: true });
      writeFileSync(join(work, path), text);
    }
    writeFileSync(join(work, 'README.md'), '# records\n');
    expect(readRecordFiles(work).map((f) => [f.folder, f.path.slice(work.length + 1)])).toEqual([
      ['entities', 'entities/unodc.yaml'],
      ['sources', 'sources/icat-2021-mapping-resource.yaml'],
    ]);
  });

  it("leaves the repository's mapping text out of the real records", () => {
    expect(existsSync(join(packageRoot(), 'data', 'source', 'icat-2021-mapping-resource.txt'))).toBe(true);
    const files = readRecordFiles(join(packageRoot(), 'data'));
    expect(files.filter((f) => f.path.includes('/data/source/'))).toEqual([]);
    expect(files.filter((f) => f.folder === 'sources').map((f) => f.path.replace(/^.*\/data\//, ''))).toEqual([
      'sources/icat-2021-mapping-resource.yaml',
    ]);
  });
});
