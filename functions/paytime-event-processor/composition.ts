import { processEnv } from '#config/follow-up-env';
import { wireFollowUp } from '#config/follow-up-wiring';
import { loadPaytimeEventProcessorConfig } from '#config/paytime-event-processor-config';
import { createLogger } from '#logging/create-logger';
import type { PaytimeEventProcessorDependencies } from './create-handler';

/** Built once per container, at cold start. */
const config = await loadPaytimeEventProcessorConfig(processEnv());

export const logger = createLogger('paytime-event-processor');

const wired = wireFollowUp(config, logger);

export const deps: PaytimeEventProcessorDependencies = { ...wired.payments, events: wired.events };
