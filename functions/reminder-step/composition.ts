import type { ReminderDependencies } from '#application/reminders/reminder-dependencies';
import { processEnv } from '#config/follow-up-env';
import { wireFollowUp } from '#config/follow-up-wiring';
import { loadReminderStepConfig } from '#config/reminder-step-config';
import { createLogger } from '#logging/create-logger';

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
