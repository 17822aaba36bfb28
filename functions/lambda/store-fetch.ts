import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { sigV4Fetch } from '../aws/sigv4-fetch.js';
import type { LambdaEnvironment } from './environment.js';

/** The fetch for the store: SigV4-signed with the function role's credentials (Neptune IAM auth), or plain. */
export function storeFetch(env: LambdaEnvironment): typeof globalThis.fetch | undefined {
  if (env.STORE_SIGNING !== 'sigv4') return undefined;
  if (!env.AWS_REGION) throw new Error('STORE_SIGNING=sigv4 needs AWS_REGION (Lambda sets it)');
  return sigV4Fetch({ region: env.AWS_REGION, credentials: defaultProvider() });
}
