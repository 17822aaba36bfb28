import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../functions/cli/main.js';
import { writeDumpSet } from '../../functions/pipeline/write-dump-set.js';
import type { DumpSet } from '../../functions/publish/dump-set.js';
import { FsStorage } from '../../functions/storage/fs-storage.js';
import { buildRealDumpSet } from '../publish/built-dump-set.js';
import { FaultyStorage } from '../storage/faulty-storage.js';

const work = mkdtempSync(join(tmpdir(), 'icat-kg-versions-'));
let complete: DumpSet;
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const built = await buildRealDumpSet();
  complete = built.result.dumps;
  rmSync(built.dir, { recursive: true, force: true });
}, 240_000);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('icat-kg versions and rollback', () => {
  it('lists an incomplete set with what is missing, and rollback refuses it with a message naming the file', async () => {
    const dir = join(work, 'dumps');
    const dumps = new FsStorage(dir);
    // An earlier publish of another version that failed at its manifest: every data file is there.
    const other: DumpSet = { ...complete, version: 'feedfacefeedface' };
    await expect(
      writeDumpSet(new FaultyStorage(dumps, { key: (k) => k.endsWith('manifest.json') }), other),
    ).rejects.toThrow('injected fault: cannot write dumps/feedfacefeedface/manifest.json');
    await writeDumpSet(dumps, complete);
    const files = complete.files.length - 1;

    expect(await cli('versions', '--dir', dir)).toEqual({
      code: 0,
      out: [
        `* ${complete.version}  complete, ${files} files`,
        '  feedfacefeedface  INCOMPLETE: dumps/feedfacefeedface/manifest.json is missing: the publish of feedfacefeedface did not finish',
      ].sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : 1)),
      err: [],
    });
    expect(await cli('rollback', 'feedfacefeedface', '--dir', dir)).toEqual({
      code: 1,
      out: [],
      err: [
        'icat-kg: cannot roll back to feedfacefeedface, latest.json is unchanged: dumps/feedfacefeedface/manifest.json is missing: the publish of feedfacefeedface did not finish',
      ],
    });
    expect(await cli('rollback', complete.version, '--dir', dir)).toEqual({
      code: 0,
      out: [
        `latest.json now names ${complete.version} (dumps/${complete.version}/manifest.json); every file matched its size and SHA-256.`,
      ],
      err: [],
    });
  });

  it('finds a changed byte only with --verify, and rollback always checks it', async () => {
    const dir = join(work, 'verify');
    const dumps = new FsStorage(dir);
    await writeDumpSet(dumps, complete);
    const key = `dumps/${complete.version}/context.jsonld`;
    const bytes = Buffer.from((await dumps.get(key))!.body);
    bytes[0] = bytes[0]! ^ 1;
    await dumps.put(key, bytes);
    const files = complete.files.length - 1;
    expect((await cli('versions', '--dir', dir)).out).toEqual([`* ${complete.version}  complete, ${files} files`]);
    const verified = await cli('versions', '--verify', '--dir', dir);
    expect(verified.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\* ${complete.version}  INCOMPLETE: ${key} has SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}$`,
        ),
      ),
    ]);
    const refused = await cli('rollback', complete.version, '--dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(
      new RegExp(`^icat-kg: cannot roll back to ${complete.version}, latest.json is unchanged: ${key} has SHA-256`),
    );
  });
});
