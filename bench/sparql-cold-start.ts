/**
 * Bundle sizes of the three functions, and the cold start of the bundled sparql handler: a fresh Node
 * process loads the bundle, reads the latest dump set from an S3-compatible server on loopback (s3rver)
 * and answers a Function URL event. Reported beside `node -e 0` measured in the same run.
 *
 *   npx tsx bench/sparql-cold-start.ts
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import S3rver from 's3rver';
import { IcatKgStack } from '../cdk/icat-kg-stack.js';
import { resolvePublishConfig } from '../functions/config.js';
import { packageRoot } from '../functions/package-paths.js';
import { convertSources } from '../functions/pipeline/convert-sources.js';
import { publishDumpSet } from '../functions/pipeline/publish-dump-set.js';
import { readRecordFiles } from '../functions/records/read-record-files.js';
import { Iris } from '../functions/rdf/iris.js';
import { FsStorage } from '../functions/storage/fs-storage.js';
import { S3Storage } from '../functions/storage/s3-storage.js';
import { loadSdgKos } from '../functions/vocab/sdg-kos.js';
import { median } from './median.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'icat-kg-cold-'));
process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';

// 1. The bundles, exactly as `cdk synth` makes them.
const app = new App({ outdir: join(work, 'cdk.out') });
const stack = new IcatKgStack(app, 'Bench');
const assembly = app.synth();
const template = assembly.getStackByName(stack.stackName).template as {
  Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }>;
};
const assetDirs: Record<string, string> = {};
for (const [id, resource] of Object.entries(template.Resources)) {
  const key = resource.Properties.Code?.S3Key;
  const name = ['SourcesConvert', 'Publish', 'Sparql'].find((n) => id.startsWith(`${n}Function`));
  if (resource.Type === 'AWS::Lambda::Function' && key && name)
    assetDirs[name] = join(work, 'cdk.out', `asset.${key.replace(/\.zip$/, '')}`);
}
for (const [name, dir] of Object.entries(assetDirs)) {
  console.log(`bundle ${name}: index.mjs ${(statSync(join(dir, 'index.mjs')).size / 1e6).toFixed(2)} MB`);
}

// 2. A published dump set in s3rver, made by the real pipeline code.
const s3 = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: join(work, 's3'),
  configureBuckets: [{ name: 'dumps', configs: [] }],
});
const { port } = (await s3.run()) as AddressInfo;
const endpoint = `http://127.0.0.1:${port}`;
const sources = new FsStorage(join(work, 'sources'));
const dataDir = join(packageRoot(), 'data');
for (const f of readRecordFiles(dataDir))
  await sources.put(`records/${f.path.slice(f.path.indexOf('data/') + 5)}`, f.text);
await convertSources(sources, [], new Iris('https://w3id.org/icat-kg/'), loadSdgKos());
await publishDumpSet(sources, new S3Storage({ bucket: 'dumps', endpoint }), resolvePublishConfig());

// 3. Cold starts: process start → first answer, median of five, beside an empty Node process.
const event = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/sparql',
  rawQueryString: `query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}`,
  headers: { host: 'example.lambda-url.eu-west-1.on.aws', accept: 'application/sparql-results+json' },
  requestContext: {
    http: { method: 'GET', path: '/sparql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    domainName: 'example.lambda-url.eu-west-1.on.aws',
  },
  isBase64Encoded: false,
};
const sparqlDir = assetDirs.Sparql!;
// The bundle leaves out the AWS SDK, which the Lambda runtime provides: stand in for it with ours.
symlinkSync(join(packageRoot(), 'node_modules'), join(work, 'cdk.out', 'node_modules'));
const script = `const { handler } = await import(${JSON.stringify(join(sparqlDir, 'index.mjs'))});
const r = await handler(${JSON.stringify(event)}, {});
if (r.statusCode !== 200) { console.error(r.statusCode, r.body); process.exit(1); }
process.exit(0);`;
// A file, not -e: worker threads inherit the flags of their process, and --input-type is only for -e.
const coldScript = join(work, 'cold.mjs');
writeFileSync(coldScript, script);
const env = {
  ...process.env,
  DUMPS_BUCKET: 'dumps',
  S3_ENDPOINT: endpoint,
  ICAT_KG_ROOT: sparqlDir,
  UI_ASSETS_DIR: join(sparqlDir, 'ui'),
  NODE_OPTIONS: '--enable-source-maps',
};
const time = async (args: string[], extraEnv: NodeJS.ProcessEnv = env) => {
  const t = performance.now();
  await run(process.execPath, args, { env: extraEnv });
  return performance.now() - t;
};
const empty: number[] = [];
const cold: number[] = [];
const coldNoMaps: number[] = [];
const coldInProcess: number[] = [];
for (let i = 0; i < 5; i++) {
  empty.push(await time(['-e', '0']));
  cold.push(await time([coldScript]));
  coldNoMaps.push(await time([coldScript], { ...env, NODE_OPTIONS: '' }));
  coldInProcess.push(await time([coldScript], { ...env, QUERY_IN_PROCESS: '1' }));
}
console.log(`node -e 0: ${Math.round(median(empty))} ms`);
console.log(
  `bundled sparql handler, process start → first answer: ${Math.round(median(cold))} ms with source maps, ${Math.round(median(coldNoMaps))} ms without (${(median(cold) / median(empty)).toFixed(1)}x and ${(median(coldNoMaps) / median(empty)).toFixed(1)}x an empty Node process)`,
);
console.log(
  `the same with queries on the main thread (QUERY_IN_PROCESS=1, no worker): ${Math.round(median(coldInProcess))} ms; the query worker costs ${Math.round(median(cold) - median(coldInProcess))} ms of cold start`,
);
await s3.close();
rmSync(work, { recursive: true, force: true });
