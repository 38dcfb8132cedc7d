import { __Client } from '@aws-sdk/client-dynamodb';
import { localInvocationScope } from '#infra/local/emulators/lambda-context';

/**
 * Meters DynamoDB capacity in this process: every DynamoDB command sent by any client (the document clients of
 * the functions the local cloud runs in-process included) asks for `ReturnConsumedCapacity: TOTAL`, and the
 * capacity DynamoDB (Local) reports is summed, reads and writes apart, with the number of requests per
 * operation. Installed once, by the bench only; the product never sets ReturnConsumedCapacity.
 */
export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  requests: Record<string, number>;
  /** Read + write units per function (the local invocation the request ran in; `local` when none). */
  byFunction: Record<string, number>;
}

const METERED =
  /^(Get|GetItem|Put|PutItem|Update|UpdateItem|Delete|DeleteItem|Query|Scan|BatchGet|BatchGetItem|BatchWrite|BatchWriteItem|TransactGet|TransactGetItems|TransactWrite|TransactWriteItems)Command$/;
const WRITES = /Put|Update|Delete|Write/;

let totals: CapacityTotals = emptyCapacity();
let installed = false;

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function installCapacityMeter(): void {
  if (installed) return;
  installed = true;
  const prototype = __Client.prototype as unknown as {
    send: (
      this: { config?: { serviceId?: string } },
      command: unknown,
      ...rest: unknown[]
    ) => Promise<unknown>;
  };
  const send = prototype.send;
  prototype.send = async function meteredSend(command, ...rest) {
    const name = (command as { constructor: { name: string } }).constructor.name;
    const input = (command as { input?: Record<string, unknown> }).input;
    const metered = this.config?.serviceId === 'DynamoDB' && METERED.test(name) && input !== undefined;
    if (metered) input.ReturnConsumedCapacity = 'TOTAL';
    const output = (await send.call(this, command, ...rest)) as { ConsumedCapacity?: unknown };
    if (metered) {
      const operation = name.replace(/Command$/, '').replace(/Item$|Items$/, '');
      totals.requests[operation] = (totals.requests[operation] ?? 0) + 1;
      const consumed = output?.ConsumedCapacity;
      const entries = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as ConsumedCapacity[];
      const scope = localInvocationScope.getStore() ?? 'local';
      for (const entry of entries) {
        const units = entry.CapacityUnits ?? (entry.ReadCapacityUnits ?? 0) + (entry.WriteCapacityUnits ?? 0);
        if (WRITES.test(name)) totals.writeUnits += units;
        else totals.readUnits += units;
        totals.byFunction[scope] = (totals.byFunction[scope] ?? 0) + units;
      }
    }
    return output;
  };
}

/** What was consumed since the last reset, and a fresh start. */
export function takeCapacity(): CapacityTotals {
  const taken = totals;
  totals = emptyCapacity();
  return taken;
}

export function emptyCapacity(): CapacityTotals {
  return { readUnits: 0, writeUnits: 0, requests: {}, byFunction: {} };
}

export function addCapacity(a: CapacityTotals, b: CapacityTotals): CapacityTotals {
  const sum = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [key, value] of Object.entries(y)) out[key] = (out[key] ?? 0) + value;
    return out;
  };
  return {
    readUnits: a.readUnits + b.readUnits,
    writeUnits: a.writeUnits + b.writeUnits,
    requests: sum(a.requests, b.requests),
    byFunction: sum(a.byFunction, b.byFunction),
  };
}
