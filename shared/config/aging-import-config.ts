import { baseConfigOf } from './follow-up-env';
import { loadObjectStoreConfig, type ObjectStoreConfig } from './object-store-config';
import type { Env } from './process-env';

export interface AgingImportConfig {
  tenantId: string;
  tableName: string;
  files: ObjectStoreConfig;
}

/** `functions/aging-import`: TABLE_NAME, IRIS_TENANT_ID and the file bucket (FILES_BUCKET_NAME). */
export function loadAgingImportConfig(env: Env): AgingImportConfig {
  const base = baseConfigOf(env, 'aging import configuration');
  return { tenantId: base.tenantId, tableName: base.tableName, files: loadObjectStoreConfig(env) };
}
