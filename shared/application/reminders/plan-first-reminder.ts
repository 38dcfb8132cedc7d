import type { TenantProfile } from '#application/ports/tenant-repository';
import type { ReminderLoopStartInput } from '#application/ports/workflows';
import type { CalendarDate } from '#domain/calendar-date';
import { firstReminderAt, type ReminderSettingsInput } from '#domain/reminder-cadence';
import type { AppLogger } from '#logging/create-logger';
import { followUpSettingsOf } from './tenant-follow-up-settings';

export { firstReminderAt, nextReminderAt } from '#domain/reminder-cadence';

/**
 * What the conversation passes to `workflows.startReminderLoop` right after a boleto is sent: the first slot of
 * the tenant's cadence after `now`, turn 0. Undefined when the cadence has no slot left (then no loop starts).
 */
export function planFirstReminder(input: {
  tenantId: string;
  boletoId: string;
  dueDate: CalendarDate;
  now: Date;
  profile: TenantProfile | undefined;
  /** The stack's default reminder settings, when the conversation has them (the profile overrides them). */
  defaults?: ReminderSettingsInput;
  logger?: AppLogger;
}): ReminderLoopStartInput | undefined {
  const settings = followUpSettingsOf(input.profile, input.logger, input.defaults);
  const at = firstReminderAt({
    dueDate: input.dueDate,
    now: input.now,
    settings: settings.reminders,
    extraHolidays: settings.extraHolidays,
  });
  if (!at) return undefined;
  return { tenantId: input.tenantId, boletoId: input.boletoId, nextReminderAt: at.toISOString(), turn: 0 };
}
