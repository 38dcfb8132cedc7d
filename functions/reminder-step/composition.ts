import type { ReminderDependencies } from '../../shared/application/reminders/reminder-dependencies';
import { processEnv } from '../../shared/config/follow-up-env';
import { wireFollowUp } from '../../shared/config/follow-up-wiring';
import { loadReminderStepConfig } from '../../shared/config/reminder-step-config';
import { createLogger } from '../../shared/logging/create-logger';

/** Built once per container, at cold start. */
const config = await loadReminderStepConfig(processEnv());

export const logger = createLogger('reminder-step');

const wired = wireFollowUp(config, logger);

export const deps: ReminderDependencies = {
  ...wired.payments,
  reminderLog: wired.reminderLog,
  boletoActivity: wired.boletoActivity,
  defaults: config.reminderDefaults,
  providerAvailable: wired.hasProvider,
};
