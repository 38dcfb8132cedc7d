import type { TenantProfile } from '#application/ports/tenant-repository';
import type { ExtraHolidays } from '#domain/bank-holidays';
import { extraHolidays } from '#domain/bank-holidays';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  type ReminderSettingsInput,
  reminderSettings,
} from '#domain/reminder-cadence';
import type { AppLogger } from '#logging/create-logger';

/**
 * How a tenant wants boletos followed up. The tenant profile already holds `reminderWindow`; the rest are
 * optional fields of the same profile item (the repository stores the profile whole), read here with their
 * defaults, so a tenant configured before they existed gets the documented defaults.
 */
export interface TenantFollowUpPreferences {
  /** Cadence, send time, holidays, e-mail escalation. The window comes from `reminderWindow` unless given. */
  reminders?: ReminderSettingsInput;
  /** Tell the contact when the owner cancels a boleto (default true: they may be about to pay it). */
  notifyContactOnCancel?: boolean;
  /** Ask the provider whether the boleto was paid before each reminder (default true). */
  confirmWithProviderBeforeReminding?: boolean;
  /** The tenant's own (state, city) holidays, `YYYY-MM-DD`. */
  extraHolidays?: string[];
  /**
   * Fine and interest a late payer left unpaid (paid the face value late): `offer` (default) tells the owner
   * with a one-tap button to charge the difference; `waive` tells the owner they are waived.
   */
  uncollectedLateCharges?: UncollectedLateChargesPolicy;
}

export type UncollectedLateChargesPolicy = 'offer' | 'waive';

export interface FollowUpSettings {
  reminders: ReminderSettings;
  notifyContactOnCancel: boolean;
  confirmWithProviderBeforeReminding: boolean;
  extraHolidays: ExtraHolidays;
  uncollectedLateCharges: UncollectedLateChargesPolicy;
  businessName: string;
}

export const DEFAULT_FOLLOW_UP: Omit<FollowUpSettings, 'businessName'> = {
  reminders: DEFAULT_REMINDER_SETTINGS,
  notifyContactOnCancel: true,
  confirmWithProviderBeforeReminding: true,
  extraHolidays: new Set(),
  uncollectedLateCharges: 'offer',
};

/**
 * The tenant's follow-up settings. A profile whose reminder settings do not validate falls back to the
 * defaults with a warning: a misconfigured tenant still gets safe reminders instead of none.
 */
export function followUpSettingsOf(
  profile: TenantProfile | undefined,
  logger?: AppLogger,
  defaults: ReminderSettingsInput = {},
): FollowUpSettings {
  const preferences = (profile ?? {}) as Partial<TenantProfile> & TenantFollowUpPreferences;
  let reminders = DEFAULT_REMINDER_SETTINGS;
  try {
    reminders = reminderSettings({
      ...defaults,
      ...(preferences.reminderWindow ? { window: preferences.reminderWindow } : {}),
      ...preferences.reminders,
    });
  } catch (error) {
    logger?.warn('tenant reminder settings are invalid; using the defaults', {
      tenantId: preferences.tenantId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  let holidays: ExtraHolidays = DEFAULT_FOLLOW_UP.extraHolidays;
  try {
    holidays = extraHolidays(preferences.extraHolidays ?? []);
  } catch (error) {
    logger?.warn('tenant extra holidays are invalid; ignoring them', {
      tenantId: preferences.tenantId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return {
    reminders,
    notifyContactOnCancel: preferences.notifyContactOnCancel ?? DEFAULT_FOLLOW_UP.notifyContactOnCancel,
    confirmWithProviderBeforeReminding:
      preferences.confirmWithProviderBeforeReminding ?? DEFAULT_FOLLOW_UP.confirmWithProviderBeforeReminding,
    extraHolidays: holidays,
    uncollectedLateCharges:
      preferences.uncollectedLateCharges === 'waive' ? 'waive' : DEFAULT_FOLLOW_UP.uncollectedLateCharges,
    businessName: preferences.name ?? '',
  };
}
