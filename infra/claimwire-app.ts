/**
 * Builds the CDK app: the stack plus cdk-nag's AwsSolutions pack as a validation
 * plugin, so an unacknowledged finding fails synthesis. Shared by `infra/app.ts`
 * (the `cdk` entry) and test/infra, which synthesise exactly what `cdk synth` does.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClaimwireStack } from './claimwire-stack.ts';
import { settingsFromContext } from './settings.ts';

export interface ClaimwireApp {
  app: App;
  stack: ClaimwireStack;
}

/**
 * @example const { app, stack } = createClaimwireApp({ context: { discoverRate: 30 } })
 */
export function createClaimwireApp(props: AppProps = {}): ClaimwireApp {
  const app = new App(props);
  const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'ClaimwireStack';
  const stack = new ClaimwireStack(app, 'ClaimwireStack', {
    stackName,
    // Environment-agnostic unless the CLI knows an account: synth needs no credentials.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    settings: settingsFromContext(app),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}
