import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { ConfigError } from '../errors.ts';
import { ENV } from '../tables.ts';

/** The stack outputs the CLI needs, mapped to the variables the functions use. */
const OUTPUT_TO_ENV: Record<string, string> = {
  BucketName: ENV.bucket,
  ArticlesTableName: ENV.articlesTable,
  ClaimsTableName: ENV.claimsTable,
};

/**
 * Reads the deployed stack's outputs (BucketName, ArticlesTableName,
 * ClaimsTableName) so `claimwire … --aws` works with no table flags.
 * @example await stackSettings(new CloudFormationClient({}), 'ClaimwireStack') // { CLAIMWIRE_BUCKET: '…', … }
 */
export async function stackSettings(cfn: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  let outputs;
  try {
    outputs = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.Outputs ?? [];
  } catch (error) {
    throw new ConfigError(`cannot read the outputs of stack "${stackName}" (${(error as Error).message}); pass --bucket, --articles-table and --claims-table instead`, { cause: error });
  }
  const settings: Record<string, string> = {};
  for (const o of outputs) {
    const env = o.OutputKey ? OUTPUT_TO_ENV[o.OutputKey] : undefined;
    if (env && o.OutputValue) settings[env] = o.OutputValue;
  }
  return settings;
}
