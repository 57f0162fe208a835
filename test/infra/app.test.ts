/**
 * The app as `cdk synth` builds it: cdk-nag (AwsSolutions) and CDK's own
 * CloudFormation validation report nothing unacknowledged, every
 * acknowledgement says why, and deploy-time context is honoured and validated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createClaimwireApp } from '../../infra/claimwire-app.ts';
import { CDK_CONTEXT, idOf, resourcesOf, synth, type Synthesised } from './synth.ts';

let synthesised: Synthesised;
beforeAll(() => {
  // Synthesis itself throws «ValidationFailed» on an unacknowledged finding.
  synthesised = synth();
});

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  const visit = (c: IConstruct) => {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) found.push({ path: c.node.path, id, reason });
    }
    c.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

describe('cdk-nag and validation', () => {
  it('cdk-nag AwsSolutions reports no unacknowledged error or warning', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(synthesised.app);
    // Assess
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('the validation report of the synthesised assembly has no violations in any plugin', () => {
    const report = JSON.parse(readFileSync(join(synthesised.assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
    };
    for (const plugin of report.pluginReports) {
      expect(plugin.violations.map((v) => v.ruleName), plugin.pluginName).toEqual([]);
    }
  });

  it('CDK itself annotates no warning or error on the stack', () => {
    const annotations = Annotations.fromStack(synthesised.stack);
    expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    const acks = acknowledgements(synthesised.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
  });

  it('acknowledges only the reviewed rules: prefix-scoped S3/GSI grants, the pinned runtime, the CDK notification handler', () => {
    // Adding an acknowledgement of a new rule must be a reviewed change of this list.
    const rules = new Set(
      acknowledgements(synthesised.app).map((a) => a.id.replace(/^Annotation::/, '').replace(/\[Resource::<\w+\.Arn>\/.*\]$/, '[Resource::<arn>/prefix]')),
    );
    expect([...rules].sort()).toEqual([
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Resource::<arn>/prefix]',
      'AwsSolutions-L1',
    ]);
  });

  it('acknowledges no cdk-nag finding that does not occur (no stale acknowledgement)', () => {
    // Prepare: the same app with every acknowledgement dropped
    const acknowledge = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);
    let raw;
    try {
      raw = new AwsSolutionsChecks().validateScope(createClaimwireApp({ context: { ...CDK_CONTEXT, 'aws:cdk:bundling-stacks': [] } }).app);
    } finally {
      acknowledge.mockRestore();
    }
    // Assess: each acknowledged (rule, construct) is a finding on that construct or below it
    const nagAcks = acknowledgements(synthesised.app).filter((a) => a.id.replace(/^Annotation::/, '').startsWith('AwsSolutions-'));
    expect(nagAcks.length).toBeGreaterThan(0);
    for (const ack of nagAcks) {
      const rule = ack.id.replace(/^Annotation::/, '');
      const hit = raw.violations.some(
        (v) => v.ruleName === rule && v.violatingResources.some((r) => r.constructPath === ack.path || (r.constructPath ?? "").startsWith(`${ack.path}/`)),
      );
      expect(hit, `${rule} at ${ack.path} is acknowledged but never found`).toBe(true);
    }
  });

  it('needs no AWS account or region: the stack is environment-agnostic offline', () => {
    expect(synthesised.stack.resolve(synthesised.stack.account)).toEqual({ Ref: 'AWS::AccountId' });
  });
});

describe('deploy-time context', () => {
  it('honours discoverRate, fetchConcurrency, logLevel and alarmEmail', () => {
    // Act
    const { json } = synth({ discoverRate: 30, fetchConcurrency: 4, logLevel: 'debug', alarmEmail: 'ops@example.org' });
    // Assess
    const [[, rule]] = resourcesOf(json, 'AWS::Events::Rule') as [[string, any]];
    expect(rule.Properties.ScheduleExpression).toBe('rate(30 minutes)');
    const fetch = json.Resources[idOf(json, 'AWS::Lambda::Function', 'FetchFunction')]!.Properties!;
    expect(fetch.ReservedConcurrentExecutions).toBe(4);
    expect(fetch.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
    const [[, subscription]] = resourcesOf(json, 'AWS::SNS::Subscription') as [[string, any]];
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@example.org' });
  });

  it.each([
    ['discoverRate', 'soon'],
    ['fetchConcurrency', 0],
    ['logLevel', 'LOUD'],
  ])('rejects %s=%s with an error naming the key', (key, value) => {
    expect(() => synth({ [key]: value })).toThrow(new RegExp(`context ${key} must be`));
  });
});
