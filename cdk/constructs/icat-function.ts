import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { SubnetType, type ISecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: entries, the lock file and the ontology live there. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface IcatFunctionProps {
  /** The Lambda entry under functions/lambda/, e.g. `convert`. */
  readonly entry: 'convert' | 'publish' | 'sparql';
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Readonly<Record<string, string>>;
  /** Copy the ontology and linked vocabularies into the bundle (convert and publish read them). */
  readonly withOntology?: boolean;
  /** Copy the query UI's static files into the bundle (sparql serves them). */
  readonly withUi?: boolean;
  /** Bundle the query worker thread beside the handler, as query-worker.mjs (sparql runs queries in it). */
  readonly withQueryWorker?: boolean;
  /** @default 1 month */
  readonly logRetention?: RetentionDays;
  /** @default no reservation */
  readonly reservedConcurrentExecutions?: number;
  /** Run inside this network (its isolated subnets), e.g. to reach a Neptune cluster. @default outside any VPC */
  readonly network?: FunctionNetwork;
}

/** Where a function runs when it must reach something inside a VPC. */
export interface FunctionNetwork {
  readonly vpc: IVpc;
  readonly securityGroup: ISecurityGroup;
}

/**
 * One of the pipeline's functions: Node.js 22 on arm64, bundled by esbuild as ESM from
 * functions/lambda/{entry}.ts, with its own log group and retention.
 */
export class IcatFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: IcatFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Some dependencies still require() and read __dirname at run time: give the ESM bundles both.
    const banner = [
      "import { createRequire as __icatRequire } from 'node:module';",
      "import { fileURLToPath as __icatPath } from 'node:url';",
      "import { dirname as __icatDirname } from 'node:path';",
      'const require = __icatRequire(import.meta.url);',
      'const __filename = __icatPath(import.meta.url);',
      'const __dirname = __icatDirname(__filename);',
    ].join(' ');
    const copies = [
      ...(props.withQueryWorker
        ? [
            [
              '"{in}/node_modules/.bin/esbuild" "{in}/functions/query/query-worker.ts"',
              '--bundle --platform=node --format=esm --target=node22 --minify --sourcemap',
              `--external:@aws-sdk/* "--banner:js=${banner}" --outfile="{out}/query-worker.mjs" --log-level=warning`,
            ].join(' '),
          ]
        : []),
      ...(props.withOntology ? ['cp -r "{in}/ontology" "{out}/ontology"'] : []),
      ...(props.withUi
        ? [
            'mkdir -p "{out}/ui"',
            'cp "{in}/node_modules/@zazuko/yasgui/build/yasgui.min.js" "{in}/node_modules/@zazuko/yasgui/build/yasgui.min.css" "{out}/ui/"',
            // The dashboard's browser bundle, built by `npm ci` (prepare) into dist/ui.
            'cp "{in}/dist/ui/dashboard.js" "{out}/ui/"',
          ]
        : []),
    ];
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, 'functions', 'lambda', `${props.entry}.ts`),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup: this.logGroup,
      ...(props.reservedConcurrentExecutions === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      ...(props.network
        ? {
            vpc: props.network.vpc,
            vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
            securityGroups: [props.network.securityGroup],
          }
        : {}),
      environment: {
        ...props.environment,
        ICAT_KG_ROOT: '/var/task',
        ...(props.withUi ? { UI_ASSETS_DIR: '/var/task/ui' } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        banner,
        externalModules: ['@aws-sdk/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            copies.map((c) => c.replaceAll('{in}', inputDir).replaceAll('{out}', outputDir)),
        },
      },
    });
  }
}
