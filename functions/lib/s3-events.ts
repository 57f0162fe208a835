import type { S3Event } from 'aws-lambda';
import type { RawObjectRef } from '../../shared/pipeline/process-raw.ts';

/**
 * The raw-object references in one SQS message body carrying an S3 notification.
 * S3 URL-encodes keys in events (space as `+`); they are decoded here. The
 * `s3:TestEvent` S3 sends when a notification is configured yields nothing.
 */
export function rawRefsFromMessage(body: string): RawObjectRef[] {
  const parsed = JSON.parse(body) as Partial<S3Event> & { Event?: string };
  if (parsed.Event === 's3:TestEvent') return [];
  return (parsed.Records ?? [])
    .filter((r) => r.eventName?.startsWith('ObjectCreated:'))
    .map((r) => ({
      key: decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')),
      sequencer: r.s3.object.sequencer ?? '0',
    }));
}

/** Builds the notification S3 would send for one created object (used by the local runtime and tests). */
export function s3EventFor(bucket: string, key: string, sequencer: string, size = 0): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'raw-created',
          bucket: { name: bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${bucket}` },
          // S3 encodes keys like a form value; so does this, so the decoder sees what AWS sends.
          object: { key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/'), size, eTag: '', sequencer },
        },
      },
    ],
  };
}
