import { z } from 'zod';
import { MAX_FINE_BPS, MAX_MONTHLY_INTEREST_BPS } from '#domain/interest-policy';
import { isE164 } from '#domain/phone-number';
import { STAGES } from '#infra/stage';

/**
 * The typed configuration of one tenant, `config/tenants/<tenant>.json`, validated when the CDK app starts.
 * Everything here is public configuration: secrets are never in this file, only the names of the SSM
 * parameters that hold them (derived from the tenant and stage, see `infra/config/secret-parameters.ts`).
 */

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const wholeCents = z.int().positive();

const ownerSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  phone: z.string().refine(isE164, 'must be a Brazilian phone in canonical E.164, e.g. +5511987654321'),
  role: z.enum(['owner', 'operator']),
});

const reminderWindowSchema = z
  .strictObject({
    /** São Paulo wall-clock hours [startHour, endHour). */
    startHour: z.int().min(0).max(23),
    endHour: z.int().min(1).max(24),
    /** 0 = Sunday ... 6 = Saturday. */
    weekdays: z.array(z.int().min(0).max(6)).min(1).max(7),
  })
  .refine((w) => w.startHour < w.endHour, 'startHour must be before endHour')
  .refine((w) => new Set(w.weekdays).size === w.weekdays.length, 'weekdays must not repeat');

const remindersSchema = z.strictObject({
  window: reminderWindowSchema,
  /**
   * Days relative to the due date on which a reminder goes out (negative = before). A handful of reminders
   * keeps a boleto's Step Functions transitions and WhatsApp bill small (DESIGN §8).
   */
  cadenceDaysFromDue: z
    .array(z.int().min(-30).max(90))
    .min(1)
    .max(12)
    .refine(
      (days) => days.every((d, i) => i === 0 || d > (days[i - 1] as number)),
      'must be strictly increasing',
    ),
});

const interestPolicySchema = z.strictObject({
  fineBps: z.int().min(0).max(MAX_FINE_BPS),
  monthlyInterestBps: z.int().min(0).max(MAX_MONTHLY_INTEREST_BPS),
});

const limitsSchema = z
  .strictObject({
    /** The largest boleto IRIS will issue for this tenant. */
    maxBoletoAmountCents: wholeCents,
    /** Above this the amount is "unusual" and the conversation asks the owner to double-check it. */
    usualMaxAmountCents: wholeCents,
    /** Messages IRIS may send one contact in one São Paulo day. */
    maxMessagesPerContactPerDay: z.int().min(1).max(20),
  })
  .refine((l) => l.usualMaxAmountCents <= l.maxBoletoAmountCents, {
    message: 'usualMaxAmountCents must not exceed maxBoletoAmountCents',
    path: ['usualMaxAmountCents'],
  });

const stageSettingsSchema = z.strictObject({
  /** Meta's id of the business phone number (digits), from the WhatsApp Manager. */
  whatsappPhoneNumberId: z.string().regex(/^\d{5,20}$/, 'digits only'),
  /** Graph API version used by the WhatsApp Cloud API adapter. */
  whatsappGraphApiVersion: z.string().regex(/^v\d{1,2}\.\d$/, 'like v23.0'),
  /** Paytime's API base URL (sandbox for dev, production for prod). */
  paytimeBaseUrl: z.url({ protocol: /^https$/ }),
  email: z.strictObject({
    /** A verified SES identity (the address or its domain). */
    fromAddress: z.email(),
    replyToAddress: z.email().optional(),
  }),
  /** Operators' address for alarms (an SNS e-mail subscription they must confirm). */
  alarmEmail: z.email(),
  /** API Gateway stage throttling for the webhooks (requests per second and burst). */
  webhookThrottle: z
    .strictObject({
      rateLimitPerSecond: z.int().min(1).max(10_000),
      burstLimit: z.int().min(1).max(5_000),
    })
    .refine((t) => t.burstLimit >= t.rateLimitPerSecond, 'burstLimit must be at least rateLimitPerSecond'),
  logRetentionDays: z.union(LOG_RETENTION_DAYS.map((days) => z.literal(days))),
  /** When the daily Paytime reconciliation runs (America/Sao_Paulo). */
  reconciliation: z.strictObject({
    hour: z.int().min(0).max(23),
    minute: z.int().min(0).max(59),
  }),
  /** Without it no OpenAI key is read and the deterministic Portuguese parser runs alone. */
  openAiEnabled: z.boolean(),
});

const stagesSchema = z.partialRecord(z.enum(STAGES), stageSettingsSchema);

export const tenantConfigSchema = z.strictObject({
  /** Optional editor hint; ignored. */
  $schema: z.string().optional(),
  tenantId: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/),
  displayName: z.string().trim().min(1).max(80),
  owners: z
    .array(ownerSchema)
    .min(1)
    .refine((owners) => owners.some((o) => o.role === 'owner'), 'at least one user must have role "owner"')
    .refine((owners) => new Set(owners.map((o) => o.phone)).size === owners.length, 'phones must be unique'),
  reminders: remindersSchema,
  /**
   * Late charges applied after the due date, within the legal caps. Required and explicit (docs/decisions.md:
   * there is no implicit default): `{ "fineBps": 0, "monthlyInterestBps": 0 }` for a tenant that charges none.
   */
  interestPolicy: interestPolicySchema,
  limits: limitsSchema,
  conversation: z.strictObject({
    /** How long a clarifying question or a confirmation waits for the owner (Step Functions task timeout). */
    confirmationTimeoutSeconds: z
      .int()
      .min(60)
      .max(7 * 24 * 3600),
  }),
  stages: stagesSchema,
});

export type TenantConfig = z.infer<typeof tenantConfigSchema>;
export type StageSettings = z.infer<typeof stageSettingsSchema>;
export type TenantOwner = z.infer<typeof ownerSchema>;
