import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsStorage } from '../../functions/storage/fs-storage.js';
import { S3Storage } from '../../functions/storage/s3-storage.js';
import type { Storage } from '../../functions/storage/storage.js';

process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';

const work = mkdtempSync(join(tmpdir(), 'icat-kg-storage-'));
let s3: S3rver;
const implementations: Record<string, Storage> = {};

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: 'contract', configs: [] }],
  });
  const { port } = (await s3.run()) as AddressInfo;
  implementations.filesystem = new FsStorage(join(work, 'fs'));
  implementations.s3 = new S3Storage({ bucket: 'contract', endpoint: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await s3?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each(['filesystem', 's3'])('%s storage', (name) => {
  const storage = () => implementations[name]!;

  it('stores bytes with their content type and metadata', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await storage().put('a/b/bytes.bin', bytes, {
      contentType: 'application/octet-stream',
      metadata: { version: 'v1' },
    });
    const object = await storage().get('a/b/bytes.bin');
    expect(object?.body.equals(bytes)).toBe(true);
    expect(object?.contentType).toBe('application/octet-stream');
    expect(object?.metadata).toEqual({ version: 'v1' });
    expect(await storage().head('a/b/bytes.bin')).toEqual({
      key: 'a/b/bytes.bin',
      size: 5,
      contentType: 'application/octet-stream',
      metadata: { version: 'v1' },
    });
  });

  it('answers a missing key with undefined, not an error', async () => {
    expect(await storage().get('no/such/key')).toBeUndefined();
    expect(await storage().head('no/such/key')).toBeUndefined();
  });

  it('lists the keys under a prefix, sorted, and deletes', async () => {
    for (const key of ['list/z.txt', 'list/a.txt', 'list/sub/m.txt', 'other/x.txt'])
      await storage().put(key, key, { contentType: 'text/plain' });
    expect(await storage().list('list/')).toEqual(['list/a.txt', 'list/sub/m.txt', 'list/z.txt']);
    await storage().delete('list/a.txt');
    expect(await storage().list('list/')).toEqual(['list/sub/m.txt', 'list/z.txt']);
    expect(await storage().get('list/a.txt')).toBeUndefined();
  });

  it('overwrites an object in place', async () => {
    await storage().put('latest.json', '{"version":"1"}', { contentType: 'application/json' });
    await storage().put('latest.json', '{"version":"2"}', { contentType: 'application/json' });
    expect((await storage().get('latest.json'))?.body.toString()).toBe('{"version":"2"}');
  });
});

describe('filesystem storage', () => {
  it('writes through a temporary file renamed into place, leaving none behind and listing none', async () => {
    const root = join(work, 'fs-atomic');
    const storage = new FsStorage(root);
    await storage.put('dumps/v/a.nq', 'one');
    await storage.put('dumps/v/a.nq', 'two');
    expect(readdirSync(join(root, '.meta', '.partial'))).toEqual([]);
    expect(await storage.list('')).toEqual(['dumps/v/a.nq']);
    expect((await storage.get('dumps/v/a.nq'))?.body.toString()).toBe('two');
  });

  it('refuses keys that would leave its folder', async () => {
    await expect(implementations.filesystem!.put('../escape.txt', 'x')).rejects.toThrow('invalid key "../escape.txt"');
  });
});
