import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag finding (`AwsSolutions-<rule>` or `AwsSolutions-<rule>[<finding>]`) on `scope` and
 * everything under it, with the reason it is acceptable. Acknowledgments live next to the code that causes the
 * finding; a reason must say why, specifically (no "not needed").
 */
export function acknowledgeNag(scope: IConstruct, id: string, reason: string): void {
  if (!/^AwsSolutions-[A-Za-z]+\d+(\[.+\])?$/.test(id))
    throw new Error(`not a cdk-nag AwsSolutions rule id: ${id}`);
  if (reason.trim().length < 40) throw new Error(`cdk-nag acknowledgment ${id} needs a specific reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
