import { describe, expect, it } from 'vitest';
import { recordKeysOf } from '../../functions/lambda/convert-handler.js';
import { s3NotificationMessage } from './events.js';

describe('recordKeysOf', () => {
  it('decodes the keys of S3 notifications (URL-encoded, spaces as +) and keeps those under records/', () => {
    const message = s3NotificationMessage('sources', [
      'records/entities/un women.yaml',
      'graphs/entities/unodc.nq',
      'records/activities/ä.yaml',
    ]);
    expect(recordKeysOf(message.body)).toEqual(['records/entities/un women.yaml', 'records/activities/ä.yaml']);
  });

  it('reads the S3 test event as no keys', () => {
    expect(recordKeysOf(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'sources' }))).toEqual(
      [],
    );
  });

  it('refuses a message that is not an S3 notification', () => {
    expect(() => recordKeysOf('{"hello":"world"}')).toThrow('not an S3 event notification');
  });
});
