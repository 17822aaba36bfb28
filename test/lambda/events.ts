import type { LambdaFunctionURLEvent, SQSEvent, SQSRecord } from 'aws-lambda';

const REGION = 'eu-west-1';

/** An SQS message carrying an S3 notification, shaped as S3 → SQS → Lambda delivers it. */
export function s3NotificationMessage(
  bucket: string,
  keys: readonly string[],
  eventName = 'ObjectCreated:Put',
  id = keys.join(','),
): SQSRecord {
  const body = {
    Records: keys.map((key, i) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: REGION,
      eventTime: '2026-11-27T12:00:00.000Z',
      eventName,
      userIdentity: { principalId: 'AWS:EXAMPLE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'EXAMPLE', 'x-amz-id-2': 'EXAMPLE' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'records-created',
        bucket: { name: bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
        // S3 URL-encodes keys in notifications, spaces as '+'.
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
          size: 1,
          eTag: 'e',
          sequencer: String(i).padStart(16, '0'),
        },
      },
    })),
  };
  return sqsRecord(JSON.stringify(body), id);
}

export function sqsRecord(body: string, id: string): SQSRecord {
  return {
    messageId: `msg-${id}`,
    receiptHandle: `handle-${id}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1764244800000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1764244800000',
    },
    messageAttributes: {},
    md5OfBody: 'md5',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${REGION}:123456789012:icat-kg-queue`,
    awsRegion: REGION,
  };
}

export function sqsEvent(records: readonly SQSRecord[]): SQSEvent {
  return { Records: [...records] };
}

/** A Lambda Function URL event (payload format 2.0). */
export function functionUrlEvent(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
  body?: string,
): LambdaFunctionURLEvent {
  const [rawPath = '/', rawQueryString = ''] = pathAndQuery.split('?');
  const domainName = 'abcdefg.lambda-url.eu-west-1.on.aws';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { host: domainName, 'x-forwarded-proto': 'https', ...headers },
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefg',
      domainName,
      domainPrefix: 'abcdefg',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'request',
      routeKey: '$default',
      stage: '$default',
      time: '27/Nov/2026:12:00:00 +0000',
      timeEpoch: 1764244800000,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  } as LambdaFunctionURLEvent;
}
