import type { PaymentDependencies } from '#application/payments/payment-dependencies';
import type { BoletoActivityLog } from '#application/ports/boleto-activity-log';
import type { ReminderSettingsInput } from '#domain/reminder-cadence';
import type { ReminderTurnLog } from './reminder-turn-log';

/** The reminder step needs the payment use case's ports (it heals a missed payment before reminding). */
export interface ReminderDependencies extends PaymentDependencies {
  reminderLog: ReminderTurnLog;
  /** Each turn (sent, deferred, skipped, stopped, failed) is recorded in the boleto's audit trail. */
  boletoActivity: BoletoActivityLog;
  /** The stack's default reminder settings (from the tenant's config file); the profile may override them. */
  defaults?: ReminderSettingsInput;
  /** False when the function has no access to the provider: reminders then rely on the table alone. */
  providerAvailable?: boolean;
}
