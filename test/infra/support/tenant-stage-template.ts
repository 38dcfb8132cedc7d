import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadTenantConfig } from '#infra/config/load-tenant-config';
import { TenantStageStack } from '#infra/stacks/tenant-stage-stack';
import type { Stage } from '#infra/stage';

export interface SynthesizedTenantStage {
  app: App;
  stack: TenantStageStack;
  template: Template;
  /** The synthesized CloudFormation template as plain JSON. */
  json: TemplateJson;
}

export interface TemplateResource {
  Type: string;
  /** Every resource of this stack has properties. */
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface TemplateJson {
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, { Value: unknown }>;
}

/**
 * The demo tenant's stack for a stage, as `cdk synth` builds it but WITHOUT bundling the functions (esbuild on
 * nine handlers takes a while; `synth.test.ts` runs the real CLI with bundling). Build it once per test file.
 */
export function synthesizeTenantStage(stage: Stage): SynthesizedTenantStage {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new TenantStageStack(app, `Iris-demo-${stage}`, { config: loadTenantConfig('demo', stage) });
  const template = Template.fromStack(stack);
  return { app, stack, template, json: template.toJSON() as TemplateJson };
}

/** Resources of one type, by logical id. */
export function resourcesOfType(json: TemplateJson, type: string): Array<[string, TemplateResource]> {
  return Object.entries(json.Resources).filter(([, resource]) => resource.Type === type);
}

/** The logical id of the construct's default CloudFormation resource. */
export function logicalIdOf(
  stack: TenantStageStack,
  construct: { node: { defaultChild?: unknown } },
): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}
