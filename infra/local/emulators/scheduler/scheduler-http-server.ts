import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalHttpServer } from '../aws-json-http-server';
import { AwsServiceError } from '../aws-service-error';
import type { LocalSchedule, LocalScheduler } from './local-scheduler';

/**
 * EventBridge Scheduler's REST-JSON API on loopback, as `@aws-sdk/client-scheduler` calls it
 * (`AWS_ENDPOINT_URL_SCHEDULER`): `POST|PUT|GET|DELETE /schedules/{Name}`, `GET /schedules`,
 * `POST|GET|DELETE /schedule-groups/{Name}`, `GET /schedule-groups`. Timestamps travel as epoch seconds; errors
 * as `x-amzn-errortype` + `{ "Message" }`. Requests are not authenticated (only loopback can reach it).
 */

export async function createSchedulerHttpServer(
  scheduler: LocalScheduler,
  port = 0,
): Promise<LocalHttpServer> {
  const server = createServer((request, response) => {
    handle(scheduler, request, response).catch((error: unknown) => writeError(response, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(scheduler: LocalScheduler, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readJson(request);
  const [collection, rawName] = url.pathname.split('/').filter(Boolean);
  const name = rawName === undefined ? undefined : decodeURIComponent(rawName);
  const method = request.method ?? 'GET';
  const query = url.searchParams;
  if (collection === 'schedules' && name !== undefined) {
    const group =
      (method === 'POST' || method === 'PUT' ? body.GroupName : query.get('groupName')) ?? 'default';
    if (method === 'POST' || method === 'PUT') {
      const arn = scheduler.put(
        method === 'POST' ? 'create' : 'update',
        definitionOf(name, String(group), body),
      );
      return writeJson(response, { ScheduleArn: arn });
    }
    if (method === 'GET') return writeJson(response, wireOf(scheduler.get(String(group), name)));
    if (method === 'DELETE') {
      scheduler.delete(String(group), name);
      return writeJson(response, {});
    }
  }
  if (collection === 'schedules' && name === undefined && method === 'GET') {
    const schedules = scheduler.list({
      ...(query.get('ScheduleGroup') && { group: String(query.get('ScheduleGroup')) }),
      ...(query.get('NamePrefix') && { namePrefix: String(query.get('NamePrefix')) }),
      ...(query.get('State') && { state: String(query.get('State')) }),
    });
    return writeJson(response, {
      Schedules: schedules.map((schedule) => ({
        Arn: schedule.Arn,
        Name: schedule.Name,
        GroupName: schedule.GroupName,
        State: schedule.State,
        CreationDate: seconds(schedule.CreationDate),
        LastModificationDate: seconds(schedule.LastModificationDate),
        Target: { Arn: schedule.Target.Arn },
      })),
    });
  }
  if (collection === 'schedule-groups') {
    if (name !== undefined && method === 'POST')
      return writeJson(response, { ScheduleGroupArn: scheduler.createGroup(name) });
    if (name !== undefined && method === 'GET') {
      if (!scheduler.hasGroup(name)) {
        throw new AwsServiceError('ResourceNotFoundException', `Schedule group ${name} does not exist.`, {
          status: 404,
        });
      }
      return writeJson(response, { Arn: scheduler.groupArn(name), Name: name, State: 'ACTIVE' });
    }
    if (name !== undefined && method === 'DELETE') {
      scheduler.deleteGroup(name);
      return writeJson(response, {});
    }
    if (name === undefined && method === 'GET') {
      return writeJson(response, {
        ScheduleGroups: scheduler
          .groupNames()
          .map((group) => ({ Arn: scheduler.groupArn(group), Name: group, State: 'ACTIVE' })),
      });
    }
  }
  throw new AwsServiceError('UnknownOperationException', `Unsupported: ${method} ${url.pathname}`, {
    status: 404,
  });
}

function definitionOf(name: string, group: string, body: Record<string, unknown>) {
  const date = (value: unknown) => (typeof value === 'number' ? new Date(value * 1000) : undefined);
  const startDate = date(body.StartDate);
  const endDate = date(body.EndDate);
  if (
    typeof body.ScheduleExpression !== 'string' ||
    typeof body.FlexibleTimeWindow !== 'object' ||
    !body.Target
  ) {
    throw new AwsServiceError(
      'ValidationException',
      'ScheduleExpression, FlexibleTimeWindow and Target are required',
    );
  }
  return {
    Name: name,
    GroupName: group,
    ScheduleExpression: body.ScheduleExpression,
    ScheduleExpressionTimezone:
      typeof body.ScheduleExpressionTimezone === 'string' ? body.ScheduleExpressionTimezone : 'UTC',
    ...(typeof body.Description === 'string' && { Description: body.Description }),
    ...(startDate && { StartDate: startDate }),
    ...(endDate && { EndDate: endDate }),
    State: body.State === 'DISABLED' ? ('DISABLED' as const) : ('ENABLED' as const),
    ActionAfterCompletion: body.ActionAfterCompletion === 'DELETE' ? ('DELETE' as const) : ('NONE' as const),
    FlexibleTimeWindow: body.FlexibleTimeWindow as LocalSchedule['FlexibleTimeWindow'],
    Target: body.Target as LocalSchedule['Target'],
  };
}

function wireOf(schedule: LocalSchedule): Record<string, unknown> {
  return {
    ...schedule,
    StartDate: schedule.StartDate && seconds(schedule.StartDate),
    EndDate: schedule.EndDate && seconds(schedule.EndDate),
    CreationDate: seconds(schedule.CreationDate),
    LastModificationDate: seconds(schedule.LastModificationDate),
  };
}

const seconds = (date: Date) => date.getTime() / 1000;

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw.length === 0) return resolve({});
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        resolve(parsed as Record<string, unknown>);
      } catch (error) {
        reject(
          new AwsServiceError('ValidationException', 'Request body is not a JSON object', { cause: error }),
        );
      }
    });
    request.on('error', reject);
  });
}

function writeJson(response: ServerResponse, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
  });
  response.end(payload);
}

function writeError(response: ServerResponse, error: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const serviceError =
    error instanceof AwsServiceError
      ? error
      : new AwsServiceError(
          'InternalServerException',
          error instanceof Error ? error.message : String(error),
          {
            status: 500,
          },
        );
  const payload = JSON.stringify({ Message: serviceError.message });
  response.writeHead(serviceError.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-errortype': serviceError.code,
    'x-amzn-requestid': randomUUID(),
  });
  response.end(payload);
}
