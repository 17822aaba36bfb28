// The CDK app: `npx cdk synth` / `npx cdk deploy -c baseIri=https://kg.example.org/ ...`.
import { App } from 'aws-cdk-lib';
import { IcatKgStack } from './icat-kg-stack.js';

const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};
const number = (key: string) => (context(key) === undefined ? undefined : Number(context(key)));

new IcatKgStack(app, context('stackName') ?? 'IcatKnowledgeGraph', {
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
});
