export {
  type LocalSchedule,
  LocalScheduler,
  type LocalSchedulerOptions,
  type ScheduleFiring,
  type ScheduleTargetInvoker,
} from './local-scheduler';
export { nextFiring, parseScheduleExpression } from './schedule-expression-evaluator';
export { createSchedulerHttpServer } from './scheduler-http-server';
