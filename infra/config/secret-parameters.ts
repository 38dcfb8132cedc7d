import type { Stage } from '#infra/stage';
import { PREVIOUS_SLOT_SUFFIX, SECRETS, type SecretId } from './function-environment';

/**
 * Where a tenant-stage's secrets live: SSM Parameter Store SecureString parameters under
 * `/iris/<tenant>/<stage>/`. The stack never holds a secret value: it passes each parameter's NAME to the
 * functions that need it and grants `ssm:GetParameter` on exactly that parameter. Operators create the
 * parameters before the first deploy (docs/deploy.md).
 */
export function secretParameterPrefix(tenantId: string, stage: Stage): string {
  return `/iris/${tenantId}/${stage}`;
}

/** E.g. `/iris/demo/prod/whatsapp/app-secret`, or `.../app-secret-previous` for a rotating secret's 2nd slot. */
export function secretParameterName(
  tenantId: string,
  stage: Stage,
  secret: SecretId,
  slot: 'current' | 'previous' = 'current',
): string {
  const suffix = slot === 'previous' ? PREVIOUS_SLOT_SUFFIX : '';
  return `${secretParameterPrefix(tenantId, stage)}/${SECRETS[secret].parameter}${suffix}`;
}

/** Every parameter a tenant-stage needs (both slots of rotating secrets), for docs and operators' scripts. */
export function allSecretParameterNames(
  tenantId: string,
  stage: Stage,
  options: { openAiEnabled: boolean },
): string[] {
  const names: string[] = [];
  for (const id of Object.keys(SECRETS) as SecretId[]) {
    if (id === 'openAiApiKey' && !options.openAiEnabled) continue;
    names.push(secretParameterName(tenantId, stage, id));
    if (SECRETS[id].rotating) names.push(secretParameterName(tenantId, stage, id, 'previous'));
  }
  return names;
}
