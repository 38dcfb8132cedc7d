import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Stage } from '#infra/stage';
import { type StageSettings, type TenantConfig, tenantConfigSchema } from './tenant-config.schema';

/** Where the tenants' configuration files live: `config/tenants/<tenant>.json` at the repository root. */
export const TENANT_CONFIG_DIRECTORY = fileURLToPath(new URL('../../config/tenants/', import.meta.url));

export class InvalidTenantConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidTenantConfigError';
  }
}

/** The tenant's configuration with the settings of the stage being deployed picked out. */
export interface TenantStageConfig {
  readonly tenant: TenantConfig;
  readonly stage: Stage;
  readonly settings: StageSettings;
}

function knownTenants(directory: string): string {
  if (!existsSync(directory)) return 'none';
  const names = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
  return names.length > 0 ? names.sort().join(', ') : 'none';
}

/** Validates parsed JSON as the configuration of `tenantId` (the file's name must match its `tenantId`). */
export function parseTenantConfig(raw: unknown, tenantId: string, source: string): TenantConfig {
  const result = tenantConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new InvalidTenantConfigError(`invalid tenant config ${source}:\n${z.prettifyError(result.error)}`);
  }
  if (result.data.tenantId !== tenantId) {
    throw new InvalidTenantConfigError(
      `invalid tenant config ${source}: tenantId "${result.data.tenantId}" does not match the file name "${tenantId}"`,
    );
  }
  return result.data;
}

/**
 * Reads and validates `config/tenants/<tenant>.json` and picks the stage's settings. Every problem (missing
 * file, bad JSON, schema violations, no settings for the stage) is an `InvalidTenantConfigError` whose message
 * says what to fix.
 */
export function loadTenantConfig(
  tenantId: string,
  stage: Stage,
  directory: string = TENANT_CONFIG_DIRECTORY,
): TenantStageConfig {
  const path = join(directory, `${tenantId}.json`);
  if (!existsSync(path)) {
    throw new InvalidTenantConfigError(
      `no configuration for tenant "${tenantId}": create ${path} (known tenants: ${knownTenants(directory)}; see docs/deploy.md)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InvalidTenantConfigError(`invalid tenant config ${path}: not valid JSON (${String(error)})`, {
      cause: error,
    });
  }
  const tenant = parseTenantConfig(raw, tenantId, path);
  const settings = tenant.stages[stage];
  if (!settings) {
    throw new InvalidTenantConfigError(
      `invalid tenant config ${path}: no settings for stage "${stage}" (add "stages.${stage}")`,
    );
  }
  return { tenant, stage, settings };
}
