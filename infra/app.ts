/**
 * CDK entry (`cdk.json`: `npx tsx infra/app.ts`). `npx cdk synth` bundles the
 * functions with local esbuild and runs cdk-nag; it needs no AWS credentials.
 *
 * Context (`-c key=value`): discoverRate (minutes, default 15), fetchConcurrency
 * (default 2), logLevel (default INFO), alarmEmail, userAgent, stackName.
 */
import { createClaimwireApp } from './claimwire-app.ts';

createClaimwireApp().app.synth();
