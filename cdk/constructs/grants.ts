import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/**
 * Least-privilege S3 access: named actions only (no wildcards), on the key prefixes a function works
 * with, and listing restricted to those prefixes.
 */
export function allowObjects(
  grantee: IGrantable,
  bucket: IBucket,
  actions: readonly ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[],
  keys: readonly string[],
): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: [...actions],
      resources: keys.map((k) => bucket.arnForObjects(k)),
    }),
  );
}

export function allowList(grantee: IGrantable, bucket: IBucket, prefixes: readonly string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes.map((p) => `${p}*`) } },
    }),
  );
}
