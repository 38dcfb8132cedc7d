import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { JsonValue, MachineDefinition, StateDefinition } from './asl-types';
import { StateError } from './state-errors';

/**
 * A Distributed Map (`ItemReader` + `ItemBatcher`), locally. aws-local-stepfunctions runs only inline Maps
 * over an array in the state, so `localizeDefinition` turns a Map with an `ItemReader` into a Task bound to
 * `runDistributedMap`, which does what Step Functions does, in the same order, within these bounds:
 *
 * - ItemReader: `arn:aws:states:::s3:getObject` with `ReaderConfig.InputType: CSV` only (what IRIS uses);
 *   `CSVHeaderLocation` FIRST_ROW or GIVEN (`CSVHeaders`), `CSVDelimiter` COMMA (default), PIPE, SEMICOLON,
 *   SPACE or TAB, `MaxItems`. The object (Bucket/Key from `Parameters`, paths resolved against the state
 *   input) is streamed from the local S3 and parsed as it is read: every cell is a string, as in AWS.
 * - ItemBatcher: `MaxItemsPerBatch`, `MaxInputBytesPerBatch` (measured as the batch's JSON length) and
 *   `BatchInput`; each child gets `{ BatchInput, Items }`. Without an ItemBatcher each child gets one item.
 * - Children: the `ItemProcessor` runs as a nested state machine per batch, `MaxConcurrency` at a time (0 or
 *   absent: 40, the engine's inline default; AWS allows up to 10,000). Batches are cut only as children
 *   finish, so memory holds at most `MaxConcurrency` batches whatever the file's size.
 * - Failure: the first failed child stops the reading, the running children finish, and the state fails
 *   with `States.ExceedToleratedFailureThreshold` (the cause names the child's error), as AWS does with the
 *   default `ToleratedFailurePercentage` of 0. A reader failure is `States.ItemReaderFailed`.
 * - Output: the children's outputs in item order (apply `ResultPath: null` to drop them, as IRIS does; AWS
 *   caps this array at 256 KiB unless a `ResultWriter` is set).
 * Not emulated (refused at registration): `ItemSelector`, `ResultWriter`, JSON/manifest/S3-listing readers,
 * tolerated failures above 0. Child executions are not listed as executions; their transitions are not counted.
 */

export const LOCAL_DISTRIBUTED_MAP_RESOURCE =
  'arn:aws:lambda:us-east-1:000000000000:function:local-distributed-map';

const DEFAULT_CONCURRENCY = 40;
const DELIMITERS: Readonly<Record<string, string>> = {
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  SPACE: ' ',
  TAB: '\t',
};

export interface LocalDistributedMap {
  stateName: string;
  /** The ItemProcessor, localized like the parent (its Tasks are bound by state name too). */
  itemProcessor: MachineDefinition;
  delimiter: string;
  /** `true`: the first row names the columns; else the given names. */
  columns: true | string[];
  maxItems?: number;
  maxItemsPerBatch?: number;
  maxBytesPerBatch?: number;
  batched: boolean;
  maxConcurrency: number;
}

/** Reads an object of the local S3 as a stream of bytes. */
export type LocalObjectReader = (bucket: string, key: string) => Promise<AsyncIterable<Uint8Array>>;

export class UnsupportedDistributedMapError extends Error {
  constructor(stateName: string, what: string) {
    super(`${stateName}: ${what} is not emulated by the local Distributed Map`);
    this.name = 'UnsupportedDistributedMapError';
  }
}

/** Validates a Map with an ItemReader and splits it into the emulation's settings and the Task that replaces it. */
export function describeDistributedMap(
  stateName: string,
  state: StateDefinition,
  localizeProcessor: (processor: MachineDefinition) => MachineDefinition,
): { map: LocalDistributedMap; task: StateDefinition } {
  const reader = state.ItemReader as Record<string, unknown>;
  const config = (reader.ReaderConfig ?? {}) as Record<string, unknown>;
  const batcher = state.ItemBatcher as Record<string, unknown> | undefined;
  const unsupported = (what: string) => new UnsupportedDistributedMapError(stateName, what);
  if (reader.Resource !== 'arn:aws:states:::s3:getObject')
    throw unsupported(`ItemReader ${String(reader.Resource)}`);
  if (config.InputType !== 'CSV') throw unsupported(`InputType ${String(config.InputType)}`);
  if (state.ItemSelector !== undefined || state.Parameters !== undefined) throw unsupported('ItemSelector');
  if (state.ResultWriter !== undefined) throw unsupported('ResultWriter');
  if (Number(state.ToleratedFailurePercentage ?? 0) > 0 || state.ToleratedFailureCount !== undefined)
    throw unsupported('a tolerated failure threshold');
  const delimiter = DELIMITERS[String(config.CSVDelimiter ?? 'COMMA')];
  if (!delimiter) throw unsupported(`CSVDelimiter ${String(config.CSVDelimiter)}`);
  const given = config.CSVHeaderLocation === 'GIVEN';
  if (given && !Array.isArray(config.CSVHeaders)) throw unsupported('GIVEN without CSVHeaders');
  const { ProcessorConfig: _processor, ...processor } = state.ItemProcessor as MachineDefinition;
  const map: LocalDistributedMap = {
    stateName,
    itemProcessor: localizeProcessor(processor as MachineDefinition),
    delimiter,
    columns: given ? (config.CSVHeaders as string[]) : true,
    batched: batcher !== undefined,
    maxConcurrency: Number(state.MaxConcurrency ?? 0) || DEFAULT_CONCURRENCY,
    ...(typeof config.MaxItems === 'number' && { maxItems: config.MaxItems }),
    ...(typeof batcher?.MaxItemsPerBatch === 'number' && { maxItemsPerBatch: batcher.MaxItemsPerBatch }),
    ...(typeof batcher?.MaxInputBytesPerBatch === 'number' && {
      maxBytesPerBatch: batcher.MaxInputBytesPerBatch,
    }),
  };
  const {
    Type: _type,
    ItemReader: _reader,
    ItemBatcher: _batcher,
    ItemProcessor: _itemProcessor,
    MaxConcurrency: _concurrency,
    ToleratedFailurePercentage: _tolerated,
    Label: _label,
    ...kept
  } = state;
  const task: StateDefinition = {
    ...kept,
    Type: 'Task',
    Resource: LOCAL_DISTRIBUTED_MAP_RESOURCE,
    Parameters: {
      reader: (reader.Parameters ?? {}) as JsonValue,
      ...(batcher?.BatchInput !== undefined && { batchInput: batcher.BatchInput as JsonValue }),
    },
  };
  return { map, task };
}

export async function runDistributedMap(
  map: LocalDistributedMap,
  parameters: JsonValue,
  runtime: {
    readObject?: LocalObjectReader;
    runChild: (input: JsonValue) => Promise<JsonValue>;
  },
): Promise<JsonValue[]> {
  const { reader, batchInput } = (parameters ?? {}) as {
    reader?: Record<string, unknown>;
    batchInput?: JsonValue;
  };
  const bucket = reader?.Bucket;
  const key = reader?.Key;
  if (!runtime.readObject) throw new StateError('States.ItemReaderFailed', 'No local S3 is configured');
  if (typeof bucket !== 'string' || typeof key !== 'string')
    throw new StateError('States.ItemReaderFailed', 'ItemReader needs Parameters.Bucket and Parameters.Key');
  let body: AsyncIterable<Uint8Array>;
  try {
    body = await runtime.readObject(bucket, key);
  } catch (error) {
    throw new StateError('States.ItemReaderFailed', `Could not read s3://${bucket}/${key}: ${String(error)}`);
  }
  const results: JsonValue[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let index = 0;
  try {
    for await (const items of batchesOf(map, body)) {
      if (failure !== undefined) break;
      const at = index++;
      const input: JsonValue = map.batched
        ? { ...(batchInput !== undefined && { BatchInput: batchInput }), Items: items }
        : (items[0] ?? null);
      const child = runtime.runChild(input).then(
        (output) => {
          results[at] = output;
        },
        (error: unknown) => {
          failure ??= error;
        },
      );
      inFlight.add(child);
      void child.finally(() => inFlight.delete(child));
      if (inFlight.size >= map.maxConcurrency) await Promise.race(inFlight);
    }
  } catch (error) {
    await Promise.all(inFlight);
    throw new StateError('States.ItemReaderFailed', `Could not read s3://${bucket}/${key}: ${String(error)}`);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) {
    const cause = failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
    throw new StateError('States.ExceedToleratedFailureThreshold', `A child execution failed (${cause})`);
  }
  return results;
}

async function* batchesOf(
  map: LocalDistributedMap,
  body: AsyncIterable<Uint8Array>,
): AsyncIterable<JsonValue[]> {
  const parser = Readable.from(body).pipe(
    parse({ delimiter: map.delimiter, columns: map.columns, skip_empty_lines: true }),
  );
  const maxItems = map.batched ? (map.maxItemsPerBatch ?? Number.MAX_SAFE_INTEGER) : 1;
  const maxBytes = map.maxBytesPerBatch ?? Number.MAX_SAFE_INTEGER;
  let batch: JsonValue[] = [];
  let bytes = 2;
  let read = 0;
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    if (map.maxItems !== undefined && read >= map.maxItems) break;
    read += 1;
    const size = JSON.stringify(record).length + 1;
    if (batch.length > 0 && (batch.length >= maxItems || bytes + size > maxBytes)) {
      yield batch;
      batch = [];
      bytes = 2;
    }
    batch.push(record);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
