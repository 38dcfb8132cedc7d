import type { ExtraHolidays } from './bank-holidays';
import { addDays, type CalendarDate, daysBetween } from './calendar-date';
import { InvalidInputError } from './domain-error';
import { lastChargeFreeDay } from './late-charges';
import {
  checkSendAt,
  DEFAULT_REMINDER_WINDOW,
  DEFAULT_SEND_AT,
  type ReminderCalendar,
  type ReminderWindow,
  reminderDayOnOrAfter,
  reminderWindow,
  sendTimeOn,
} from './reminder-window';

/**
 * The "régua de cobrança": on which days, relative to the due date, a payer is reminded of a boleto.
 *
 * A cadence is a list of day offsets from the due date (−3 = three days before, 0 = on the due date, 7 = a
 * week late). Each offset becomes a slot: its day, moved forward to the next reminder day when it falls on a
 * day the tenant does not remind (Sunday, holiday), at the tenant's send time. Two offsets that land on the
 * same day are one reminder. The boleto itself is sent at creation; the cadence only covers what follows.
 * Every reminder costs a WhatsApp message and three workflow transitions, so the default is short.
 */

export interface ReminderSettings extends ReminderCalendar {
  /** Day offsets from the due date, strictly ascending. */
  readonly offsetsDays: readonly number[];
  /** From this many days after the due date on, a reminder also goes by e-mail when the contact has one. */
  readonly emailFromDaysLate: number | null;
}

/** 3 days before, on the due date, then 1, 3, 7, 15 and 30 days late: 7 reminders. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = Object.freeze([-3, 0, 1, 3, 7, 15, 30]);

export const DEFAULT_EMAIL_FROM_DAYS_LATE = 7;

/** Offsets kept within these bounds: the reminder loop is one workflow execution (at most a year). */
export const MIN_OFFSET_DAYS = -30;
export const MAX_OFFSET_DAYS = 120;
export const MAX_REMINDERS = 60;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = Object.freeze({
  offsetsDays: DEFAULT_REMINDER_OFFSETS,
  window: DEFAULT_REMINDER_WINDOW,
  sendAt: DEFAULT_SEND_AT,
  allowHolidays: false,
  emailFromDaysLate: DEFAULT_EMAIL_FROM_DAYS_LATE,
});

/** The "daily until paid" option: every day from `fromDays` to `toDays` (default 1 day before to 30 late). */
export function dailyOffsets(fromDays = -1, toDays = 30): number[] {
  if (!Number.isInteger(fromDays) || !Number.isInteger(toDays) || toDays < fromDays) {
    throw new InvalidInputError(`daily reminders need whole days from <= to: ${fromDays}..${toDays}`);
  }
  return Array.from({ length: toDays - fromDays + 1 }, (_, index) => fromDays + index);
}

export interface ReminderSettingsInput {
  offsetsDays?: readonly number[];
  /** `daily` replaces `offsetsDays` with `dailyOffsets()`. */
  mode?: 'cadence' | 'daily';
  window?: { startHour: number; endHour: number; weekdays: readonly number[] };
  sendAt?: { hour: number; minute: number };
  allowHolidays?: boolean;
  emailFromDaysLate?: number | null;
}

/** Validated settings: the defaults, overridden field by field by what the tenant configured. */
export function reminderSettings(input: ReminderSettingsInput = {}): ReminderSettings {
  const offsets =
    input.mode === 'daily'
      ? dailyOffsets()
      : [...(input.offsetsDays ?? DEFAULT_REMINDER_SETTINGS.offsetsDays)];
  if (offsets.length === 0 || offsets.length > MAX_REMINDERS) {
    throw new InvalidInputError(`a cadence has 1 to ${MAX_REMINDERS} reminders, not ${offsets.length}`);
  }
  offsets.forEach((offset, index) => {
    if (!Number.isInteger(offset) || offset < MIN_OFFSET_DAYS || offset > MAX_OFFSET_DAYS) {
      throw new InvalidInputError(
        `reminder offset must be whole days in ${MIN_OFFSET_DAYS}..${MAX_OFFSET_DAYS}`,
      );
    }
    const previous = offsets[index - 1];
    if (previous !== undefined && offset <= previous) {
      throw new InvalidInputError(`reminder offsets must be strictly ascending: ${offsets.join(', ')}`);
    }
  });
  const window = reminderWindow(input.window ?? DEFAULT_REMINDER_WINDOW);
  const sendAt = input.sendAt ?? DEFAULT_SEND_AT;
  checkSendAt(sendAt, window);
  const emailFromDaysLate =
    input.emailFromDaysLate === undefined ? DEFAULT_EMAIL_FROM_DAYS_LATE : input.emailFromDaysLate;
  if (emailFromDaysLate !== null && (!Number.isInteger(emailFromDaysLate) || emailFromDaysLate < 1)) {
    throw new InvalidInputError(`e-mail escalation starts at a whole number of days late >= 1`);
  }
  return Object.freeze({
    offsetsDays: Object.freeze(offsets),
    window,
    sendAt: Object.freeze({ hour: sendAt.hour, minute: sendAt.minute }),
    allowHolidays: input.allowHolidays ?? false,
    emailFromDaysLate,
  });
}

export interface ReminderSlot {
  /** The cadence offset this slot serves (the first one, when several landed on the same day). */
  offsetDays: number;
  date: CalendarDate;
  at: Date;
}

/** Every reminder of a boleto's cadence, in order, one per day at most. */
export function reminderSlots(
  dueDate: CalendarDate,
  settings: ReminderSettings,
  extra?: ExtraHolidays,
): ReminderSlot[] {
  const slots: ReminderSlot[] = [];
  for (const offsetDays of settings.offsetsDays) {
    const date = reminderDayOnOrAfter(addDays(dueDate, offsetDays), settings, extra);
    const last = slots.at(-1);
    if (last && date <= last.date) continue;
    slots.push({ offsetDays, date, at: sendTimeOn(date, settings) });
  }
  return slots;
}

/** The first reminder strictly after `after`, or undefined when the cadence has nothing left. */
export function nextReminderAt(input: {
  dueDate: CalendarDate;
  after: Date;
  settings?: ReminderSettings;
  extraHolidays?: ExtraHolidays;
}): Date | undefined {
  const settings = input.settings ?? DEFAULT_REMINDER_SETTINGS;
  const after = input.after.getTime();
  return reminderSlots(input.dueDate, settings, input.extraHolidays).find((slot) => slot.at.getTime() > after)
    ?.at;
}

/**
 * When the first reminder of a boleto sent at `now` goes out (the conversation starts the loop with it), or
 * undefined when no slot is left (a boleto issued after its last reminder day: nothing to follow up).
 */
export function firstReminderAt(input: {
  dueDate: CalendarDate;
  now: Date;
  settings?: ReminderSettings;
  extraHolidays?: ExtraHolidays;
}): Date | undefined {
  return nextReminderAt({ ...input, after: input.now });
}

/** Where a boleto stands on `today`, which decides what a reminder says. */
export type ReminderPhase =
  | { kind: 'before_due'; daysToDue: number }
  | { kind: 'due_today' }
  /** Past the due date but still payable without charges (the due date was a weekend or holiday). */
  | { kind: 'grace'; lastChargeFreeDay: CalendarDate }
  | { kind: 'overdue'; daysLate: number };

export function reminderPhase(
  dueDate: CalendarDate,
  today: CalendarDate,
  extra?: ExtraHolidays,
): ReminderPhase {
  const days = daysBetween(today, dueDate);
  if (days > 0) return { kind: 'before_due', daysToDue: days };
  if (days === 0) return { kind: 'due_today' };
  const chargeFree = lastChargeFreeDay(dueDate, extra);
  if (today <= chargeFree) return { kind: 'grace', lastChargeFreeDay: chargeFree };
  return { kind: 'overdue', daysLate: -days };
}

/** Whether this reminder also goes by e-mail: late enough for the escalation, and an address to send to. */
export function escalatesToEmail(
  settings: ReminderSettings,
  phase: ReminderPhase,
  contactEmail: string | undefined,
): boolean {
  if (!contactEmail || settings.emailFromDaysLate === null) return false;
  return phase.kind === 'overdue' && phase.daysLate >= settings.emailFromDaysLate;
}

export type { ReminderWindow };
