import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/aws/dynamo-article-store.ts';
import { TransientError } from '../../shared/errors.ts';
import { claimRecordFactory } from '../helpers/factories.ts';

// Throttling cannot be produced on the embedded DynamoDB, so these two cases use a mock.
const ddbMock = mockClient(DynamoDBDocumentClient);
afterEach(() => ddbMock.reset());

const tables = { articles: 'articles', claims: 'claims' };

describe('BatchWriteItem UnprocessedItems', () => {
  it('retries the unprocessed items with backoff until DynamoDB takes them', async () => {
    // Prepare: the first call leaves one item unprocessed, the second takes it.
    const sleeps: number[] = [];
    const store = new DynamoArticleStore(new DynamoDBClient({ region: 'us-east-1' }), tables, { sleep: async (ms) => void sleeps.push(ms), baseDelayMs: 40 });
    const claims = [claimRecordFactory({ claimId: 'one' }), claimRecordFactory({ claimId: 'two' })];
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { claims: [{ PutRequest: { Item: { articleId: 'a', claimId: 'two' } } }] } })
      .resolves({ UnprocessedItems: {} });
    // Act
    await store.putClaims(claims);
    // Assess
    const calls = ddbMock.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.RequestItems?.claims).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(20);
  });

  it('gives up with a TransientError (so the queue retries) when DynamoDB keeps throttling', async () => {
    const store = new DynamoArticleStore(new DynamoDBClient({ region: 'us-east-1' }), tables, { sleep: async () => {}, maxAttempts: 3 });
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: { claims: [{ PutRequest: { Item: { articleId: 'a', claimId: 'x' } } }] } });
    await expect(store.putClaims([claimRecordFactory({ claimId: 'x' })])).rejects.toBeInstanceOf(TransientError);
    expect(ddbMock.commandCalls(BatchWriteCommand)).toHaveLength(3);
  });
});
