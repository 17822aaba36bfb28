import { ICAT_ONTOLOGY } from '../../functions/rdf/namespaces.js';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Context } from 'aws-lambda';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePublishConfig } from '../../functions/config.js';
import { createConvertHandler } from '../../functions/lambda/convert-handler.js';
import { createPublishHandler } from '../../functions/lambda/publish-handler.js';
import { createSparqlHandler } from '../../functions/lambda/sparql-handler.js';
import { packageRoot } from '../../functions/package-paths.js';
import { queryLimitsSchema } from '../../functions/query/query-limits.js';
import { readRecordFiles } from '../../functions/records/read-record-files.js';
import { loadUiAssets } from '../../functions/server/ui-assets.js';
import { S3Storage } from '../../functions/storage/s3-storage.js';
import { listVersions, pointLatestTo } from '../../functions/pipeline/versions.js';
import { FaultyStorage } from '../storage/faulty-storage.js';
import { functionUrlEvent, s3NotificationMessage, sqsEvent, sqsRecord } from './events.js';

// s3rver accepts any signature made with its well-known credentials.
process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';

const BASE = 'https://icat-kg.example.org/';

interface FunctionUrlResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly isBase64Encoded?: boolean;
}
const work = mkdtempSync(join(tmpdir(), 'icat-kg-e2e-'));
let s3: S3rver;
let sources: S3Storage;
let dumps: S3Storage;
const publishRequests: unknown[] = [];
const context = {} as Context;

let convert: ReturnType<typeof createConvertHandler>;
let publish: ReturnType<typeof createPublishHandler>;
let sparql: ReturnType<typeof createSparqlHandler>;

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: work,
    configureBuckets: [
      { name: 'icat-sources', configs: [] },
      { name: 'icat-dumps', configs: [] },
    ],
  });
  const address = (await s3.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  sources = new S3Storage({ bucket: 'icat-sources', endpoint });
  dumps = new S3Storage({ bucket: 'icat-dumps', endpoint });
  const quiet = () => undefined;
  convert = createConvertHandler({
    sources,
    baseIri: BASE,
    requestPublish: async (o) => void publishRequests.push(o),
    log: quiet,
  });
  publish = createPublishHandler({ sources, dumps, config: resolvePublishConfig({ baseIri: BASE }), log: quiet });
  sparql = createSparqlHandler({
    dumps,
    baseIri: BASE,
    limits: queryLimitsSchema.parse({}),
    assets: loadUiAssets(),
    refreshSeconds: 0,
  });
});
afterAll(async () => {
  await s3?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Upload record files as `records/...` and deliver their notifications in SQS batches of 100 (the stack's batch size). */
async function uploadAndConvert(files: { key: string; text: string }[]) {
  for (const f of files) await sources.put(f.key, f.text, { contentType: 'application/yaml' });
  const responses = [];
  for (let i = 0; i < files.length; i += 100) {
    const batch = files.slice(i, i + 100).map((f) => s3NotificationMessage('icat-sources', [f.key]));
    responses.push(await convert(sqsEvent(batch)));
  }
  return responses;
}

const publishNow = () => publish(sqsEvent([sqsRecord('{"converted":1}', 'publish')]));

async function select(query: string): Promise<Record<string, { value: string }>[]> {
  const result = (await sparql(
    functionUrlEvent('GET', `/sparql?query=${encodeURIComponent(query)}`, {
      accept: 'application/sparql-results+json',
    }),
    context,
  )) as FunctionUrlResponse;
  expect(result.statusCode).toBe(200);
  return (JSON.parse(result.body) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings;
}

const dataDir = join(packageRoot(), 'data');
const records = readRecordFiles(dataDir).map((f) => ({
  key: `records/${relative(dataDir, f.path.replace(/^.*?data\//, `${dataDir}/`))}`,
  text: f.text,
}));
const homepage = async () =>
  (await select(`SELECT ?h WHERE { <${BASE}id/entity/ilo> <http://xmlns.com/foaf/0.1/homepage> ?h }`)).map(
    (b) => b.h!.value,
  );

describe('the serverless pipeline against an S3-compatible server (s3rver), no AWS', () => {
  it('converts every uploaded record, publishes a dump set and answers SPARQL through a Function URL event', async () => {
    const responses = await uploadAndConvert(records);
    expect(responses.every((r) => r.batchItemFailures.length === 0)).toBe(true);
    expect(await sources.list('quarantine/')).toEqual([]);
    expect((await sources.list('graphs/')).length).toBe(records.length);
    expect(publishRequests.length).toBeGreaterThan(0);

    expect((await publishNow()).batchItemFailures).toEqual([]);
    const latest = JSON.parse((await dumps.get('latest.json'))!.body.toString()) as {
      version: string;
      manifest: string;
    };
    expect(latest.manifest).toBe(`dumps/${latest.version}/manifest.json`);
    expect((await dumps.head(`dumps/${latest.version}/icat.nq`))?.contentType).toBe('application/n-quads');

    const [count] = await select(`SELECT (COUNT(?e) AS ?n) WHERE { ?e a <${ICAT_ONTOLOGY}Entity> }`);
    expect(count!.n!.value).toBe('29');
    expect(await homepage()).toEqual(['http://www.ilo.org/']);

    const page = (await sparql(
      functionUrlEvent('GET', '/sparql', { accept: 'text/html' }),
      context,
    )) as FunctionUrlResponse;
    expect([page.statusCode, page.isBase64Encoded]).toEqual([200, false]);
    expect(page.body).toContain('yasgui.min.js');
    // Hundreds of records converted batch by batch, then a publish: minutes on a busy 2-core machine.
  }, 240_000);

  it('quarantines a malformed record with its report, keeps the original, and keeps serving the previous version', async () => {
    const previous = (await dumps.get('latest.json'))!.body.toString();
    const ilo = records.find((r) => r.key === 'records/entities/ilo.yaml')!;
    const broken = ilo.text.replace(/^homepage: .*$/m, 'homepage: www.ilo.org');
    publishRequests.length = 0;
    const [response] = await uploadAndConvert([{ key: ilo.key, text: broken }]);
    expect(response!.batchItemFailures).toEqual([]);
    expect(publishRequests).toEqual([]);
    const report = JSON.parse(
      (await sources.get('quarantine/records/entities/ilo.yaml.report.json'))!.body.toString(),
    ) as {
      key: string;
      problems: { file: string; record: string; field: string; message: string }[];
    };
    expect(report.key).toBe('records/entities/ilo.yaml');
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'records/entities/ilo.yaml',
        record: 'ilo',
        field: 'homepage',
        message: 'got "www.ilo.org", expected an absolute http(s) URL',
      }),
    ]);
    expect((await sources.get('quarantine/records/entities/ilo.yaml'))!.body.toString()).toBe(broken);
    expect((await sources.get('records/entities/ilo.yaml'))!.body.toString()).toBe(broken);

    await publishNow();
    expect((await dumps.get('latest.json'))!.body.toString()).toBe(previous);
    expect(await homepage()).toEqual(['http://www.ilo.org/']);
  });

  it('keeps the previous version live when a publish fails validation, and reports why', async () => {
    const previous = (await dumps.get('latest.json'))!.body.toString();
    // A graph that breaks the shapes, written behind convert's back.
    await sources.put(
      'graphs/zz-broken.nq',
      `<${BASE}id/activity/broken> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${ICAT_ONTOLOGY}Activity> <${BASE}graph/activity/broken> .\n`,
    );
    const response = await publishNow();
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'msg-publish' }]);
    expect((await dumps.get('latest.json'))!.body.toString()).toBe(previous);
    const failure = JSON.parse((await dumps.get('reports/last-publish-failure.json'))!.body.toString()) as {
      error: string;
      violations: { focusNode: string }[];
    };
    expect(failure.error).toBe('ShaclError');
    expect(failure.violations.map((v) => v.focusNode)).toContain(`${BASE}id/activity/broken`);
    await sources.delete('graphs/zz-broken.nq');
  });

  it('takes a corrected record through convert and publish, and the answer changes', async () => {
    const ilo = records.find((r) => r.key === 'records/entities/ilo.yaml')!;
    const corrected = ilo.text.replace(/^homepage: .*$/m, 'homepage: https://www.ilo.org/global/lang--en/index.htm');
    await uploadAndConvert([{ key: ilo.key, text: corrected }]);
    expect(await sources.list('quarantine/')).toEqual([]);

    // The write of icat.nq fails once: the publish fails whole, no manifest, latest.json unchanged.
    const previous = (await dumps.get('latest.json'))!.body.toString();
    const faulty = new FaultyStorage(dumps, { key: (k) => k.endsWith('/icat.nq') });
    const failing = createPublishHandler({
      sources,
      dumps: faulty,
      config: resolvePublishConfig({ baseIri: BASE }),
      log: () => undefined,
    });
    expect((await failing(sqsEvent([sqsRecord('{"converted":1}', 'publish')]))).batchItemFailures).toEqual([
      { itemIdentifier: 'msg-publish' },
    ]);
    const broken = faulty.failed[0]!.split('/')[1]!;
    expect(faulty.failed).toEqual([`dumps/${broken}/icat.nq`]);
    expect((await dumps.get('latest.json'))!.body.toString()).toBe(previous);
    expect(await dumps.head(`dumps/${broken}/manifest.json`)).toBeUndefined();
    expect(JSON.parse((await dumps.get('reports/last-publish-failure.json'))!.body.toString())).toEqual({
      error: 'StorageError',
      message: `injected fault: cannot write dumps/${broken}/icat.nq`,
    });
    expect((await listVersions(dumps)).versions.find((v) => v.version === broken)?.problems).toEqual([
      `dumps/${broken}/manifest.json is missing: the publish of ${broken} did not finish`,
    ]);
    await expect(pointLatestTo(dumps, broken)).rejects.toThrow(
      `cannot roll back to ${broken}, latest.json is unchanged: dumps/${broken}/manifest.json is missing`,
    );
    expect(await homepage()).toEqual(['http://www.ilo.org/']);

    // The queue delivers the request again and the publish completes the same version.
    expect((await publishNow()).batchItemFailures).toEqual([]);
    expect(JSON.parse((await dumps.get('latest.json'))!.body.toString())).toMatchObject({ version: broken });
    expect(await homepage()).toEqual(['https://www.ilo.org/global/lang--en/index.htm']);
  }, 180_000);
});

describe('rolling back', () => {
  it('points latest.json at an earlier version, and the endpoint serves it again', async () => {
    const { versions, latest } = await listVersions(dumps);
    expect(versions.map((v) => v.problems)).toEqual([[], []]);
    const earlier = versions.find((v) => v.version !== latest)!.version;
    expect((await pointLatestTo(dumps, earlier)).triples).toBeGreaterThan(20_000);
    expect((await listVersions(dumps)).latest).toBe(earlier);
    expect(await homepage()).toEqual(['http://www.ilo.org/']);
    await expect(pointLatestTo(dumps, 'no-such-version')).rejects.toThrow('no dump set no-such-version');
  });

  it('keeps serving the version it has when latest.json names a set it cannot load', async () => {
    const served = (await dumps.get('latest.json'))!.body.toString();
    const { version } = JSON.parse(served) as { version: string };
    // Written behind rollback's back: a pointer at a set that lacks its files.
    await dumps.put('dumps/0000000000000000/void.ttl', '');
    await dumps.put(
      'latest.json',
      JSON.stringify({ version: '0000000000000000', manifest: 'dumps/0000000000000000/manifest.json' }),
    );
    expect(await homepage()).toEqual(['http://www.ilo.org/']);
    await dumps.put('latest.json', served);
    await dumps.delete('dumps/0000000000000000/void.ttl');
    expect((await listVersions(dumps)).latest).toBe(version);
  });
});

describe('quarantine', () => {
  it('clears the quarantined copy and report of a record deleted since, even when its notification is lost', async () => {
    const key = 'records/entities/zz-draft.yaml';
    await uploadAndConvert([{ key, text: 'id: zz-draft\n' }]);
    expect(await sources.list('quarantine/')).toEqual([`quarantine/${key}`, `quarantine/${key}.report.json`]);
    await sources.delete(key);
    // No ObjectRemoved notification for it: the next run over any other change clears it anyway.
    const [response] = await uploadAndConvert([records.find((r) => r.key === 'records/entities/unodc.yaml')!]);
    expect(response!.batchItemFailures).toEqual([]);
    expect(await sources.list('quarantine/')).toEqual([]);
  });
});
