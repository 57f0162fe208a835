/**
 * Synthesises the app exactly as `infra/app.ts` builds it (cdk.json context,
 * cdk-nag plugin), but with esbuild bundling skipped: `aws:cdk:bundling-stacks`
 * = [] makes every NodejsFunction asset a placeholder, so a synth takes seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createClaimwireApp, type ClaimwireApp } from '../../infra/claimwire-app.ts';
import { REPO_ROOT } from '../../infra/claimwire-function.ts';

export const CDK_CONTEXT = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

export interface Synthesised extends ClaimwireApp {
  assembly: CloudAssembly;
  template: Template;
  /** The raw template JSON, for assertions that compute across resources. */
  json: CfnTemplate;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown }>;
}

export function synth(context: Record<string, unknown> = {}, options: { bundle?: boolean } = {}): Synthesised {
  const claimwire = createClaimwireApp({
    context: { ...CDK_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
  });
  const assembly = claimwire.app.synth();
  const json = assembly.getStackByName(claimwire.stack.stackName).template as CfnTemplate;
  return { ...claimwire, assembly, template: Template.fromJSON(json), json };
}

/** Resources of one type, by logical id. */
export function resourcesOf(json: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(json.Resources).filter(([, r]) => r.Type === type);
}

/** `{ Ref: X }` or `{ 'Fn::GetAtt': [X, ...] }` → X. */
export function refId(value: unknown): string {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = v?.Ref ?? v?.['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return id;
}

/** A CloudFormation value as a flat string: `{Fn::Join: ['', [{Fn::GetAtt: [B, 'Arn']}, '/raw/*']]}` → `<B.Arn>/raw/*`. */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flatten).join(v['Fn::Join'][0]);
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::Sub']) return String(v['Fn::Sub']);
  return JSON.stringify(value);
}

export interface Grant {
  policy: string;
  actions: string[];
  resources: string[];
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every Allow statement of every identity policy (inline role policies and AWS::IAM::Policy). */
export function allGrants(json: CfnTemplate): (Grant & { roles: string[] })[] {
  const grants: (Grant & { roles: string[] })[] = [];
  for (const [id, r] of Object.entries(json.Resources)) {
    const docs: { doc: any; roles: string[] }[] = [];
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') {
      docs.push({ doc: r.Properties?.PolicyDocument, roles: asArray(r.Properties?.Roles).map(refId) });
    }
    if (r.Type === 'AWS::IAM::Role') {
      for (const p of asArray<any>(r.Properties?.Policies)) docs.push({ doc: p.PolicyDocument, roles: [id] });
    }
    for (const { doc, roles } of docs) {
      for (const s of asArray<any>(doc?.Statement)) {
        if (s.Effect !== 'Allow') continue;
        grants.push({ policy: id, roles, actions: asArray<string>(s.Action), resources: asArray(s.Resource).map(flatten) });
      }
    }
  }
  return grants;
}

/** The Allow statements that apply to one function's execution role. */
export function grantsOfFunction(json: CfnTemplate, functionId: string): Grant[] {
  const role = refId(json.Resources[functionId]?.Properties?.Role);
  return allGrants(json).filter((g) => g.roles.includes(role));
}

/** Logical id of the first resource of a type whose id starts with a prefix (`Process` → `ProcessFunction4423FA37`). */
export function idOf(json: CfnTemplate, type: string, prefix: string): string {
  const found = resourcesOf(json, type).find(([id]) => id.startsWith(prefix));
  if (!found) throw new Error(`no ${type} whose logical id starts with ${prefix}`);
  return found[0];
}
