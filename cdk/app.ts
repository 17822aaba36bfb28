// The CDK app: `npx cdk synth` / `npx cdk deploy -c baseIri=https://kg.example.org/ ...`.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IcatKgStack } from './icat-kg-stack.js';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};
const number = (key: string) => (context(key) === undefined ? undefined : Number(context(key)));

const waf = context('waf') === 'true';
const domainName = context('domainName');
const certificateArn = context('certificateArn');
if ((domainName === undefined) !== (certificateArn === undefined))
  throw new Error('give -c domainName=... and -c certificateArn=... together (the certificate must cover the domain)');

const store = context('store');
if (store !== undefined && store !== 'neptune')
  throw new Error(`-c store=${store}: the only store option is neptune (without it the graph is held in memory)`);

new IcatKgStack(app, context('stackName') ?? 'IcatKnowledgeGraph', {
  // A CLOUDFRONT web ACL can only be created in us-east-1: with -c waf=true the whole stack goes there.
  ...(waf ? { env: { region: 'us-east-1', account: process.env.CDK_DEFAULT_ACCOUNT } } : {}),
  ...(waf
    ? {
        rateLimit: {
          ...(number('wafRateLimit') === undefined ? {} : { requestsPerFiveMinutes: number('wafRateLimit')! }),
          ...(number('wafSparqlRateLimit') === undefined
            ? {}
            : { sparqlRequestsPerFiveMinutes: number('wafSparqlRateLimit')! }),
        },
      }
    : {}),
  ...(context('webAclArn') ? { webAclArn: context('webAclArn')! } : {}),
  ...(domainName && certificateArn ? { customDomain: { domainName, certificateArn } } : {}),
  ...(number('accessLogRetentionDays') === undefined
    ? {}
    : { accessLogRetentionDays: number('accessLogRetentionDays')! }),
  description: 'ICAT Knowledge Graph: records to linked data, dumps and a SPARQL endpoint',
  ...(context('baseIri') ? { baseIri: context('baseIri')! } : {}),
  ...(context('dumpsUrl') ? { dumpsUrl: context('dumpsUrl')! } : {}),
  ...(context('sparqlEndpoint') ? { sparqlEndpoint: context('sparqlEndpoint')! } : {}),
  serviceAllowList: (context('serviceAllowList') ?? '').split(',').filter((u) => u.length > 0),
  ...(number('queryTimeoutMs') === undefined ? {} : { queryTimeoutMs: number('queryTimeoutMs')! }),
  ...(number('maxRows') === undefined ? {} : { maxRows: number('maxRows')! }),
  ...(number('sparqlReservedConcurrency') === undefined
    ? {}
    : { sparqlReservedConcurrency: number('sparqlReservedConcurrency')! }),
  ...(context('license') ? { license: context('license')! } : {}),
  ...(context('alarmEmail') ? { alarmEmail: context('alarmEmail')! } : {}),
  ...(store === 'neptune'
    ? {
        neptune: {
          ...(number('neptuneMinCapacity') === undefined ? {} : { minCapacity: number('neptuneMinCapacity')! }),
          ...(number('neptuneMaxCapacity') === undefined ? {} : { maxCapacity: number('neptuneMaxCapacity')! }),
        },
      }
    : {}),
});

// cdk-nag's AwsSolutions pack on every synth: a finding without an acknowledgment (and its reason) fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
