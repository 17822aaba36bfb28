import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareStrings } from '../../functions/compare.js';
import { resolvePublishConfig } from '../../functions/config.js';
import { packageRoot } from '../../functions/package-paths.js';
import { checkDumpSet } from '../../functions/pipeline/check-dump-set.js';
import { manifestKeyOf, versionPrefix } from '../../functions/pipeline/layout.js';
import { listVersions, pointLatestTo } from '../../functions/pipeline/versions.js';
import { writeDumpSet } from '../../functions/pipeline/write-dump-set.js';
import { buildFromRecords } from '../../functions/publish/build-from-records.js';
import type { DumpSet } from '../../functions/publish/dump-set.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';
import { FsStorage } from '../../functions/storage/fs-storage.js';
import { S3Storage } from '../../functions/storage/s3-storage.js';
import type { Storage } from '../../functions/storage/storage.js';
import { FaultyStorage, type Fault } from '../storage/faulty-storage.js';

process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';

/** Each fault of the table, at a point of the publish's writes (data files, then manifest, then latest.json). */
const FAULTS: readonly { readonly name: string; readonly fault: Fault }[] = [
  { name: 'the first write', fault: { nthPut: 1 } },
  { name: 'icat.nq', fault: { key: (k) => k.endsWith('/icat.nq') } },
  { name: 'an entity document (20th write)', fault: { nthPut: 20 } },
  { name: 'the last data file (void.ttl)', fault: { key: (k) => k.endsWith('/void.ttl') } },
  { name: 'manifest.json', fault: { key: (k) => k.endsWith('/manifest.json') } },
  { name: 'latest.json', fault: { key: (k) => k === 'latest.json' } },
];

const work = mkdtempSync(join(tmpdir(), 'icat-kg-faults-'));
let s3: S3rver;
let endpoint: string;
let v1: DumpSet;
let v2: DumpSet;
let bucketCount = 0;

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: Array.from({ length: 2 * (FAULTS.length + 2) }, (_, i) => ({ name: `dumps-${i}`, configs: [] })),
  });
  endpoint = `http://127.0.0.1:${((await s3.run()) as AddressInfo).port}`;
  // Two real dump sets: the records as they are, and with one record corrected.
  const files = readRecordFiles(join(packageRoot(), 'data'));
  const config = resolvePublishConfig({ baseIri: 'https://kg.example.org/' });
  v1 = (await buildFromRecords(files, config)).dumps;
  const corrected = files.map((f) =>
    f.path.endsWith('entities/ilo.yaml')
      ? { ...f, text: f.text.replace(/^homepage: .*$/m, 'homepage: https://www.ilo.org/global/lang--en/index.htm') }
      : f,
  );
  v2 = (await buildFromRecords(corrected, config)).dumps;
}, 240_000);
afterAll(async () => {
  await s3?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh, empty storage of the kind named. */
function freshStorage(kind: string): Storage {
  const n = bucketCount++;
  return kind === 'filesystem'
    ? new FsStorage(join(work, `fs-${n}`))
    : new S3Storage({ bucket: `dumps-${n}`, endpoint });
}

const latestOf = async (dumps: Storage) => (await dumps.get('latest.json'))?.body.toString('utf8');

describe.each(['filesystem', 's3'])('publishing to %s storage with a write fault', (kind) => {
  it('is set up with two different versions', () => {
    expect(v1.version).not.toBe(v2.version);
    expect(v2.files.length).toBeGreaterThan(20);
  });

  it.each(FAULTS)(
    'a failed write of $name keeps latest.json, leaves no manifest, and rollback refuses',
    async ({ fault }) => {
      const dumps = freshStorage(kind);
      await writeDumpSet(dumps, v1);
      const before = await latestOf(dumps);
      expect(JSON.parse(before!)).toMatchObject({ version: v1.version });

      const faulty = new FaultyStorage(dumps, fault);
      const error = await writeDumpSet(faulty, v2).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(faulty.failed).toHaveLength(1);
      expect(error?.message).toBe(`injected fault: cannot write ${faulty.failed[0]}`);
      // No write started after the failure reached the publish: at most the 7 already in flight beside it.
      if (!faulty.failed[0]!.endsWith('manifest.json') && faulty.failed[0] !== 'latest.json')
        expect(faulty.written.length).toBeLessThan(v2.files.length - 1);

      expect(await latestOf(dumps)).toBe(before);
      expect(await dumps.head(manifestKeyOf(v2.version))).toBeUndefined();
      const { versions, latest } = await listVersions(dumps);
      expect(latest).toBe(v1.version);
      expect(versions.find((v) => v.version === v1.version)).toEqual({
        version: v1.version,
        files: v1.files.length - 1,
        problems: [],
      });
      // Even a fault on the first write leaves files behind: the writes started beside it (8 at a time).
      expect(versions.find((v) => v.version === v2.version)).toEqual({
        version: v2.version,
        files: 0,
        problems: [`dumps/${v2.version}/manifest.json is missing: the publish of ${v2.version} did not finish`],
      });
      await expect(pointLatestTo(dumps, v2.version)).rejects.toThrow(
        `cannot roll back to ${v2.version}, latest.json is unchanged: dumps/${v2.version}/manifest.json is missing`,
      );
      expect(await latestOf(dumps)).toBe(before);

      // The next publish (the queue retries) completes the set and switches to it.
      await writeDumpSet(dumps, v2);
      expect(JSON.parse((await latestOf(dumps))!)).toMatchObject({ version: v2.version });
      expect((await listVersions(dumps)).versions.map((v) => [v.version, v.problems])).toEqual(
        [v1.version, v2.version].sort(compareStrings).map((v) => [v, []]),
      );
    },
  );

  it('a failed switch to a version that was already published keeps its manifest: the set is complete', async () => {
    const dumps = freshStorage(kind);
    await writeDumpSet(dumps, v2);
    await writeDumpSet(dumps, v1);
    const before = await latestOf(dumps);
    await expect(writeDumpSet(new FaultyStorage(dumps, FAULTS[5]!.fault), v2)).rejects.toThrow(
      'injected fault: cannot write latest.json',
    );
    expect(await latestOf(dumps)).toBe(before);
    expect((await checkDumpSet(dumps, v2.version, 'hashes')).problems).toEqual([]);
    expect((await pointLatestTo(dumps, v2.version)).version).toBe(v2.version);
  });

  it('refuses to roll back to a set whose file was changed or truncated after publishing, naming the file', async () => {
    const dumps = freshStorage(kind);
    await writeDumpSet(dumps, v1);
    await writeDumpSet(dumps, v2);
    const before = await latestOf(dumps);
    const key = `${versionPrefix(v1.version)}icat.ttl`;
    const original = (await dumps.get(key))!.body;
    // Same size, one byte different: only the SHA-256 tells.
    const flipped = Buffer.from(original);
    flipped[100] = flipped[100]! ^ 1;
    await dumps.put(key, flipped, { contentType: 'text/turtle' });
    expect((await checkDumpSet(dumps, v1.version, 'sizes')).problems).toEqual([]);
    const expected = v1.files.find((f) => f.path === 'icat.ttl')!.sha256;
    expect((await listVersions(dumps, 'hashes')).versions.find((v) => v.version === v1.version)?.problems).toEqual([
      expect.stringMatching(new RegExp(`^${key} has SHA-256 [0-9a-f]{64}, the manifest says ${expected}$`)),
    ]);
    await expect(pointLatestTo(dumps, v1.version)).rejects.toThrow(
      new RegExp(`^cannot roll back to ${v1.version}, latest.json is unchanged: ${key} has SHA-256`),
    );

    await dumps.put(key, original.subarray(0, 1000), { contentType: 'text/turtle' });
    expect((await listVersions(dumps)).versions.find((v) => v.version === v1.version)?.problems).toEqual([
      `${key} is 1000 bytes, the manifest says ${original.length}`,
    ]);
    await dumps.delete(`${versionPrefix(v1.version)}icat.nq.gz`);
    await expect(pointLatestTo(dumps, v1.version)).rejects.toThrow(
      `cannot roll back to ${v1.version}, latest.json is unchanged: ${versionPrefix(v1.version)}icat.nq.gz is missing; ${key} is 1000 bytes, the manifest says ${original.length}`,
    );
    expect(await latestOf(dumps)).toBe(before);

    await dumps.put(key, original, { contentType: 'text/turtle' });
    await dumps.put(`${versionPrefix(v1.version)}icat.nq.gz`, v1.files.find((f) => f.path === 'icat.nq.gz')!.content);
    expect((await pointLatestTo(dumps, v1.version)).version).toBe(v1.version);
  });
});
