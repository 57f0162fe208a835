import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { stackSettings } from '../../shared/aws/stack-outputs.ts';
import { ConfigError } from '../../shared/errors.ts';

// No AWS account in tests: CloudFormation's answer is mocked.
const cfn = mockClient(CloudFormationClient);
afterEach(() => cfn.reset());

describe('stackSettings (claimwire --aws without table flags)', () => {
  it('maps the stack outputs to the settings the query commands read', async () => {
    cfn.on(DescribeStacksCommand, { StackName: 'ClaimwireStack' }).resolves({
      Stacks: [{ StackName: 'ClaimwireStack', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [
        { OutputKey: 'BucketName', OutputValue: 'cw-bucket' },
        { OutputKey: 'ArticlesTableName', OutputValue: 'cw-articles' },
        { OutputKey: 'ClaimsTableName', OutputValue: 'cw-claims' },
        { OutputKey: 'AlarmTopicArn', OutputValue: 'arn:aws:sns:…' },
      ] }],
    });
    expect(await stackSettings(new CloudFormationClient({ region: 'us-east-1' }), 'ClaimwireStack')).toEqual({
      CLAIMWIRE_BUCKET: 'cw-bucket',
      CLAIMWIRE_ARTICLES_TABLE: 'cw-articles',
      CLAIMWIRE_CLAIMS_TABLE: 'cw-claims',
    });
  });

  it('says what to do when the stack cannot be read', async () => {
    cfn.on(DescribeStacksCommand).rejects(new Error('Stack with id Nope does not exist'));
    await expect(stackSettings(new CloudFormationClient({ region: 'us-east-1' }), 'Nope')).rejects.toThrow(ConfigError);
    await expect(stackSettings(new CloudFormationClient({ region: 'us-east-1' }), 'Nope')).rejects.toThrow(/--articles-table/);
  });
});
