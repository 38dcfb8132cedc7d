import { weeklyScheduleName } from '#application/collections/weekly-collections';
import { RECURRING_SCHEDULE_NAME_PREFIX } from '#application/recurring/recurring-schedule';
import { reportScheduleName } from '#application/reports/report-schedule';
import type { LocalSchedule } from '#infra/local/emulators/index';
import { SCHEDULE_GROUP_NAME } from '#infra/local/local-cloud-names';
import type { LocalCloud } from '#infra/local/start-local-cloud';

/**
 * The stack's schedule group holds several kinds of schedule: recurring plans, the weekly collections campaign,
 * and the tenant's report schedule (which the daily finance check creates every virtual morning when it is
 * missing). A test looks at the kind it means, picked by the names the code gives them, never at the whole group.
 */

type WithScheduler = Pick<LocalCloud, 'scheduler'>;

/** The recurring plans' schedules (`recurring-<planId>`), sorted by name. */
export function recurringPlanSchedules(cloud: WithScheduler): LocalSchedule[] {
  return cloud.scheduler.list({ group: SCHEDULE_GROUP_NAME, namePrefix: RECURRING_SCHEDULE_NAME_PREFIX });
}

/** The tenant's weekly collections campaign schedule: one element or none. */
export function weeklyCollectionSchedules(cloud: WithScheduler, tenantId: string): LocalSchedule[] {
  return cloud.scheduler
    .list({ group: SCHEDULE_GROUP_NAME })
    .filter((schedule) => schedule.Name === weeklyScheduleName(tenantId));
}

/** The tenant's report schedule, if it has one. */
export function reportScheduleOf(cloud: WithScheduler, tenantId: string): LocalSchedule | undefined {
  return cloud.scheduler
    .list({ group: SCHEDULE_GROUP_NAME })
    .find((schedule) => schedule.Name === reportScheduleName(tenantId));
}
