import * as z from 'zod/mini';
import { loadObjectStoreConfig, type ObjectStoreConfig } from './object-store-config';
import { type Env, nonEmpty, parseEnv } from './process-env';
import { loadSchedulesConfig, type SchedulesConfig } from './schedules-config';

export interface ReportConfig {
  tenantId: string;
  tableName: string;
  files: ObjectStoreConfig;
  /** Where the owner's copy of each report is e-mailed (the file attached); absent: WhatsApp only. */
  ownerEmail?: string;
}

export interface ReportScheduleConfig {
  schedules: SchedulesConfig;
  /** The report function, target of the tenant's report schedule. */
  reportFunctionArn: string;
}

const environment = z.object({
  IRIS_TENANT_ID: nonEmpty(),
  TABLE_NAME: nonEmpty(),
  REPORT_OWNER_EMAIL: z.optional(z.string().check(z.regex(/^$|^[^@\s]+@[^@\s]+$/))),
});

/** `functions/report`: the table, the file bucket, and the owner's e-mail when the tenant's config has one. */
export function loadReportConfig(env: Env): ReportConfig {
  const parsed = parseEnv(environment, env, 'report configuration');
  return {
    tenantId: parsed.IRIS_TENANT_ID,
    tableName: parsed.TABLE_NAME,
    files: loadObjectStoreConfig(env),
    ...(parsed.REPORT_OWNER_EMAIL && { ownerEmail: parsed.REPORT_OWNER_EMAIL }),
  };
}

/**
 * A function that changes the tenant's report schedule (the conversation: "me manda o resumo toda segunda"):
 * the schedule group's variables and `REPORT_FUNCTION_ARN`; undefined where the stack grants neither.
 */
export function loadReportScheduleConfig(env: Env): ReportScheduleConfig | undefined {
  const parsed = parseEnv(
    z.object({ REPORT_FUNCTION_ARN: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:lambda:\S+$/))) }),
    env,
    'report schedule configuration',
  );
  if (!parsed.REPORT_FUNCTION_ARN || !env.SCHEDULE_GROUP_NAME) return undefined;
  return { schedules: loadSchedulesConfig(env), reportFunctionArn: parsed.REPORT_FUNCTION_ARN };
}
