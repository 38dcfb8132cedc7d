import type { RunningPaytimeSimulator } from '#simulators/paytime/start-paytime-simulator';
import type { RunningWhatsAppSimulator } from '#simulators/whatsapp/start-whatsapp-simulator';
import type { LocalDailySchedule } from './daily-schedule';
import type {
  DynamoDbStreamPoller,
  LocalScheduler,
  LocalSqs,
  LocalStepFunctions,
  SqsEventSource,
  StreamConsumer,
} from './emulators';
import type { Quiescence } from './quiescence';

/** Every part of the local cloud that can have work in hand, in the order work usually flows. */
export function addSettleParticipants(
  quiescence: Quiescence,
  parts: {
    sfn: LocalStepFunctions;
    poller: DynamoDbStreamPoller;
    consumers: StreamConsumer[];
    sqs: LocalSqs;
    sources: SqsEventSource[];
    schedules: LocalDailySchedule[];
    scheduler: LocalScheduler;
    whatsapp: RunningWhatsAppSimulator;
    paytime: RunningPaytimeSimulator;
  },
): void {
  const { sfn, poller, consumers, sqs, sources, schedules, scheduler, whatsapp, paytime } = parts;
  quiescence.add({
    name: 'schedules',
    idle: async () => {
      await Promise.all(schedules.map((schedule) => schedule.idle()));
    },
    activity: () => schedules.reduce((runs, schedule) => runs + schedule.runs, 0),
  });
  quiescence.add({
    name: 'scheduler',
    idle: () => scheduler.idle(),
    activity: () => scheduler.firings.length,
  });
  quiescence.add({
    name: 'step functions',
    idle: () => sfn.idle(),
    activity: () =>
      sfn.listExecutions().reduce((events, execution) => events + execution.eventCount + 1, 0) +
      sfn.pendingTaskTokens().length,
  });
  quiescence.add({
    name: 'paytime simulator',
    idle: () => paytime.controls.settle(),
    activity: () =>
      paytime.controls.webhookDeliveries().length +
      paytime.controls.boletos().filter((billet) => billet.status !== 'PROCESSING').length * 1_000,
  });
  quiescence.add({
    name: 'table stream',
    idle: () => poller.idle(),
    activity: () =>
      consumers.reduce(
        (sum, consumer) =>
          sum + consumer.stats.invocations + consumer.stats.filteredOut + consumer.stats.skipped,
        0,
      ),
  });
  quiescence.add({
    name: 'delivery queues',
    idle: async () => {
      await Promise.all(sources.map((source) => source.idle()));
    },
    activity: () =>
      sources.reduce((sum, source) => sum + source.stats.batches + source.stats.deleted, 0) +
      sqs.queueNames().reduce((sum, name) => {
        const counts = sqs.queue(name).counts();
        return sum + counts.visible * 7 + counts.inFlight * 11 + counts.delayed * 13;
      }, 0),
  });
  quiescence.add({
    name: 'whatsapp simulator',
    idle: () => whatsapp.controls.settle(),
    activity: () => whatsapp.controls.webhooksSent().length,
  });
}
