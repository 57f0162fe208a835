import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface Clients {
  s3: S3Client;
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
}

/** Endpoints of the embedded servers; absent on AWS. */
export interface LocalEndpoints {
  s3: string;
  dynamodb: string;
}

/**
 * The one place SDK clients are built. On AWS the SDK finds region and
 * credentials itself; against the embedded servers it gets fixed dummy ones, path
 * style addressing (s3rver has no virtual hosts) and checksums only when required.
 */
export function createClients(local?: LocalEndpoints): Clients {
  if (!local) return { s3: new S3Client({}), dynamodb: new DynamoDBClient({}), sqs: new SQSClient({}) };
  const common = { region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, maxAttempts: 3 };
  const s3Config: S3ClientConfig = {
    ...common,
    endpoint: local.s3,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  const ddbConfig: DynamoDBClientConfig = { ...common, endpoint: local.dynamodb };
  return { s3: new S3Client(s3Config), dynamodb: new DynamoDBClient(ddbConfig), sqs: new SQSClient(common) };
}
