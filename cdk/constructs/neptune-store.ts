import { Stack } from 'aws-cdk-lib';
import {
  GatewayVpcEndpointAwsService,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
  FlowLogDestination,
  FlowLogTrafficType,
} from 'aws-cdk-lib/aws-ec2';
import { Effect, PolicyStatement, Role, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { RetentionDays, LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnDBCluster, CfnDBInstance, CfnDBSubnetGroup } from 'aws-cdk-lib/aws-neptune';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { allowList, allowObjects } from './grants.js';
import type { FunctionNetwork } from './icat-function.js';

export interface NeptuneStoreProps {
  /** The bucket of the dump sets: the bulk loader reads `dumps/{version}/icat.nq` from it. */
  readonly dumpsBucket: IBucket;
  /** Neptune capacity units at rest; the main cost of the option. @default 1 (the lowest Neptune Serverless accepts) */
  readonly minCapacity?: number;
  /** Neptune capacity units under load. @default 8 */
  readonly maxCapacity?: number;
  /** Days automated backups are kept. @default 7 */
  readonly backupRetentionDays?: number;
  /** @default one month */
  readonly flowLogRetention?: RetentionDays;
}

const PORT = 8182;

/** The Neptune data-plane actions (IAM database authentication) each function is granted, named one by one. */
export const NEPTUNE_ACTIONS = {
  publish: [
    'neptune-db:ReadDataViaQuery',
    'neptune-db:WriteDataViaQuery',
    'neptune-db:DeleteDataViaQuery',
    'neptune-db:StartLoaderJob',
    'neptune-db:GetLoaderJobStatus',
  ],
  sparql: ['neptune-db:ReadDataViaQuery'],
} as const;

/**
 * A Neptune Serverless cluster with IAM database authentication in a VPC of its own. The VPC has isolated
 * subnets only (no NAT, no internet route): what runs in it reaches S3 through a gateway endpoint, which
 * the publish and sparql functions need for the dumps bucket and Neptune's bulk loader needs to read the
 * dump. Nothing else is called from inside: SQS is polled by the Lambda service, logs are written by the
 * Lambda runtime, and credentials come in the function's environment, so no interface endpoint is needed.
 */
export class NeptuneStore extends Construct {
  public readonly vpc: Vpc;
  /** The functions' network: inside the VPC, in the one security group the cluster admits on 8182. */
  public readonly functionNetwork: FunctionNetwork;
  public readonly cluster: CfnDBCluster;
  public readonly instance: CfnDBInstance;
  /** The role Neptune assumes to read the dumps bucket for the bulk loader. */
  public readonly loaderRole: Role;

  constructor(scope: Construct, id: string, props: NeptuneStoreProps) {
    super(scope, id);
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Isolated', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      gatewayEndpoints: { S3: { service: GatewayVpcEndpointAwsService.S3 } },
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: FlowLogDestination.toCloudWatchLogs(
        new LogGroup(this, 'FlowLogs', {
          retention: props.flowLogRetention ?? RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
      ),
      trafficType: FlowLogTrafficType.REJECT,
    });
    const functions = new SecurityGroup(this, 'FunctionsSecurityGroup', {
      vpc: this.vpc,
      description: 'The ICAT KG functions that call Neptune',
      allowAllOutbound: true,
    });
    const database = new SecurityGroup(this, 'ClusterSecurityGroup', {
      vpc: this.vpc,
      description: 'Neptune: port 8182 from the ICAT KG functions only',
      allowAllOutbound: false,
    });
    database.addIngressRule(functions, Port.tcp(PORT), 'Neptune HTTPS from the functions');
    this.functionNetwork = { vpc: this.vpc, securityGroup: functions };

    this.loaderRole = new Role(this, 'LoaderRole', {
      assumedBy: new ServicePrincipal('rds.amazonaws.com'),
      description: 'Neptune bulk loader: reads the dump sets',
    });
    allowObjects(this.loaderRole, props.dumpsBucket, ['s3:GetObject'], ['dumps/*']);
    allowList(this.loaderRole, props.dumpsBucket, ['dumps/']);

    const subnets = new CfnDBSubnetGroup(this, 'Subnets', {
      dbSubnetGroupDescription: 'ICAT KG Neptune: the isolated subnets',
      subnetIds: this.vpc.isolatedSubnets.map((s) => s.subnetId),
    });
    this.cluster = new CfnDBCluster(this, 'Cluster', {
      dbSubnetGroupName: subnets.ref,
      vpcSecurityGroupIds: [database.securityGroupId],
      iamAuthEnabled: true,
      storageEncrypted: true,
      backupRetentionPeriod: props.backupRetentionDays ?? 7,
      serverlessScalingConfiguration: { minCapacity: props.minCapacity ?? 1, maxCapacity: props.maxCapacity ?? 8 },
      associatedRoles: [{ roleArn: this.loaderRole.roleArn }],
    });
    this.instance = new CfnDBInstance(this, 'Instance', {
      dbClusterIdentifier: this.cluster.ref,
      dbInstanceClass: 'db.serverless',
      autoMinorVersionUpgrade: true,
    });
  }

  /** `https://{endpoint}:8182`: `/sparql`, `/sparql/gsp/` and `/loader` are under it. */
  get endpoint(): string {
    return `https://${this.cluster.attrEndpoint}:${this.cluster.attrPort}`;
  }

  /** The data-plane actions on this cluster (the `neptune-db` resource is the cluster's resource id). */
  grant(grantee: IGrantable, actions: readonly string[]): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [...actions],
        resources: [
          `arn:${stack.partition}:neptune-db:${stack.region}:${stack.account}:${this.cluster.attrClusterResourceId}/*`,
        ],
      }),
    );
  }
}
