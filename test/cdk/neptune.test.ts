import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEPTUNE_ACTIONS } from '../../cdk/constructs/neptune-store.js';
import { IcatKgStack } from '../../cdk/icat-kg-stack.js';
import { nagFindings } from './nag.js';

let app: App;
let stack: IcatKgStack;
let template: Template;
let plain: Template;

beforeAll(() => {
  app = new App();
  stack = new IcatKgStack(app, 'WithNeptune', { baseIri: 'https://kg.example.org/', neptune: {} });
  template = Template.fromStack(stack);
  plain = Template.fromStack(new IcatKgStack(new App(), 'Plain', { baseIri: 'https://kg.example.org/' }));
}, 240_000);

type Resource = { Type: string; Properties: Record<string, unknown> };
const typeCounts = (t: Template) => {
  const counts: Record<string, number> = {};
  for (const r of Object.values(t.toJSON().Resources as Record<string, Resource>))
    counts[r.Type] = (counts[r.Type] ?? 0) + 1;
  return counts;
};
const functionEnv = (entry: 'convert' | 'publish' | 'sparql') => {
  const fn = { convert: stack.sources.convert, publish: stack.publish.publish, sparql: stack.sparql.sparql }[entry];
  const id = stack.getLogicalId(fn.function.node.defaultChild as never);
  const resource = (template.toJSON().Resources as Record<string, Resource>)[id]!;
  return resource.Properties as { Environment: { Variables: Record<string, unknown> }; VpcConfig?: unknown };
};
const clusterId = () => Object.keys(template.findResources('AWS::Neptune::DBCluster'))[0]!;
const idOf = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);

describe('the stack with -c store=neptune', () => {
  it('adds one Neptune Serverless cluster: IAM auth, encrypted, serverless scaling, and a db.serverless instance', () => {
    template.resourceCountIs('AWS::Neptune::DBCluster', 1);
    template.hasResourceProperties('AWS::Neptune::DBCluster', {
      IamAuthEnabled: true,
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      ServerlessScalingConfiguration: { MinCapacity: 1, MaxCapacity: 8 },
    });
    template.resourceCountIs('AWS::Neptune::DBInstance', 1);
    template.hasResourceProperties('AWS::Neptune::DBInstance', {
      DBInstanceClass: 'db.serverless',
      DBClusterIdentifier: { Ref: clusterId() },
    });
  });

  it('puts it in a VPC of isolated subnets, no NAT, an S3 gateway endpoint, and 8182 open only to the functions', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
    });
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress') as Record<string, Resource>);
    expect(ingress.map((r) => [r.Properties.FromPort, r.Properties.ToPort, r.Properties.IpProtocol])).toEqual([
      [8182, 8182, 'tcp'],
    ]);
    const functionsGroup = stack.getLogicalId(stack.store!.functionNetwork.securityGroup.node.defaultChild as never);
    expect(ingress[0]!.Properties.SourceSecurityGroupId).toEqual({ 'Fn::GetAtt': [functionsGroup, 'GroupId'] });
  });

  it('runs the publish and sparql functions in the VPC, in the functions security group, and the convert function outside', () => {
    for (const entry of ['publish', 'sparql'] as const)
      expect(functionEnv(entry).VpcConfig).toEqual({
        SecurityGroupIds: [{ 'Fn::GetAtt': [idOf(stack.store!.functionNetwork.securityGroup as never), 'GroupId'] }],
        SubnetIds: stack.store!.vpc.isolatedSubnets.map((subnet) => ({ Ref: idOf(subnet as never) })),
      });
    expect(functionEnv('convert').VpcConfig).toBeUndefined();
  });

  it('grants the named neptune-db actions on the cluster resource id, to publish all five and to sparql reading only', () => {
    const resource = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':neptune-db:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':',
          { 'Fn::GetAtt': [clusterId(), 'ClusterResourceId'] },
          '/*',
        ],
      ],
    };
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
    );
    const neptune = statements.filter((s) => JSON.stringify(s.Action).includes('neptune-db'));
    expect(neptune.map((s) => s.Action).sort((a, b) => JSON.stringify(b).localeCompare(JSON.stringify(a)))).toEqual([
      [...NEPTUNE_ACTIONS.publish],
      NEPTUNE_ACTIONS.sparql[0],
    ]);
    for (const s of neptune) expect(s.Resource).toEqual(resource);
    expect(NEPTUNE_ACTIONS.publish).toEqual([
      'neptune-db:ReadDataViaQuery',
      'neptune-db:WriteDataViaQuery',
      'neptune-db:DeleteDataViaQuery',
      'neptune-db:StartLoaderJob',
      'neptune-db:GetLoaderJobStatus',
    ]);
  });

  it('gives the cluster a loader role Neptune assumes, reading dumps/ of the dumps bucket only', () => {
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'rds.amazonaws.com' } })],
        },
      },
    });
    const [loaderRole] = Object.keys(roles);
    expect(Object.keys(roles)).toHaveLength(1);
    template.hasResourceProperties('AWS::Neptune::DBCluster', {
      AssociatedRoles: [{ RoleArn: { 'Fn::GetAtt': [loaderRole, 'Arn'] } }],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: loaderRole }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Action: 's3:GetObject', Resource: Match.objectLike({ 'Fn::Join': Match.anyValue() }) }),
          Match.objectLike({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['dumps/*'] } } }),
        ],
      },
    });
  });

  it('tells publish how to load (bulk loader, GSP) and sparql where to query, signed with SigV4', () => {
    const endpoint = (path: string) => ({
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [clusterId(), 'Endpoint'] }, ':', { 'Fn::GetAtt': [clusterId(), 'Port'] }, path],
      ],
    });
    expect(functionEnv('publish').Environment.Variables).toMatchObject({
      STORE_SIGNING: 'sigv4',
      STORE_LOADER: 'neptune-bulk',
      STORE_SPARQL_URL: endpoint('/sparql'),
      STORE_GSP_URL: endpoint('/sparql/gsp/'),
      STORE_LOADER_URL: endpoint('/loader'),
      STORE_LOADER_ROLE_ARN: { 'Fn::GetAtt': [idOf(stack.store!.loaderRole as never), 'Arn'] },
    });
    const sparql = functionEnv('sparql').Environment.Variables;
    expect(sparql).toMatchObject({ STORE_SIGNING: 'sigv4', STORE_SPARQL_URL: endpoint('/sparql') });
    expect(sparql).not.toHaveProperty('STORE_LOADER');
  });

  it('passes cdk-nag AwsSolutions: no finding left without an acknowledgment', () => {
    expect(nagFindings(app, stack)).toEqual([]);
  });
});

describe('the stack without the option', () => {
  it('has no Neptune, no VPC, no function in a VPC, and no store setting', () => {
    for (const type of [
      'AWS::Neptune::DBCluster',
      'AWS::Neptune::DBInstance',
      'AWS::EC2::VPC',
      'AWS::EC2::SecurityGroup',
    ])
      plain.resourceCountIs(type, 0);
    expect(JSON.stringify(plain.toJSON())).not.toMatch(/VpcConfig|STORE_|neptune-db/);
  });

  it('differs from the option only by the resources the option adds', () => {
    const withOption = typeCounts(template);
    const without = typeCounts(plain);
    const added = Object.fromEntries(
      Object.entries(withOption)
        .map(([type, n]) => [type, n - (without[type] ?? 0)] as const)
        .filter(([, n]) => n !== 0),
    );
    expect(added).toEqual({
      'AWS::EC2::VPC': 1,
      'AWS::EC2::Subnet': 2,
      'AWS::EC2::RouteTable': 2,
      'AWS::EC2::SubnetRouteTableAssociation': 2,
      'AWS::EC2::VPCEndpoint': 1,
      'AWS::EC2::FlowLog': 1,
      'AWS::EC2::SecurityGroup': 2,
      'AWS::EC2::SecurityGroupIngress': 1,
      'AWS::Logs::LogGroup': 1,
      'AWS::IAM::Role': 2,
      'AWS::IAM::Policy': 2,
      'AWS::Neptune::DBSubnetGroup': 1,
      'AWS::Neptune::DBCluster': 1,
      'AWS::Neptune::DBInstance': 1,
    });
  });
});
