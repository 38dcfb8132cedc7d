import { describe, expect, it } from 'vitest';
import { LocalStepFunctions } from '#infra/local/emulators/step-functions/index';
import { VirtualClock } from '#infra/local/emulators/virtual-clock';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:dmap';
const FN = 'arn:aws:lambda:us-east-1:000000000000:function:batch';

/** A machine whose only state is a Distributed Map over `s3://files/<$.key>` calling FN per batch. */
function definition(map: Record<string, unknown> = {}, reader: Record<string, unknown> = {}) {
  return {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', ...reader },
          Parameters: { Bucket: 'files', 'Key.$': '$.key' },
        },
        ItemBatcher: { MaxItemsPerBatch: 3, BatchInput: { 'tenant.$': '$.tenant' } },
        MaxConcurrency: 2,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Apply',
          States: { Apply: { Type: 'Task', Resource: FN, End: true } },
        },
        ResultPath: '$.results',
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', End: true },
    },
    ...map,
  };
}

function start(
  objects: Record<string, string>,
  handler: (event: unknown) => Promise<unknown>,
  def: object = definition(),
) {
  const sfn = new LocalStepFunctions({
    clock: new VirtualClock(),
    retryIntervalMs: 1,
    settleClockAdvances: false,
    readObject: async (bucket, key) => {
      const text = objects[`${bucket}/${key}`];
      if (text === undefined) throw new Error('NoSuchKey');
      return (async function* () {
        // Two chunks split mid-line: the reader must parse across chunk boundaries.
        const bytes = new TextEncoder().encode(text);
        yield bytes.subarray(0, 7);
        yield bytes.subarray(7);
      })();
    },
  });
  sfn.registerStateMachine({ arn: ARN, definition: def, lambdaFunctions: { [FN]: handler } });
  return sfn;
}

async function run(sfn: LocalStepFunctions, input: object) {
  const { executionArn } = sfn.startExecution({ stateMachineArn: ARN, input: JSON.stringify(input) });
  const done = await sfn.waitForExecution(executionArn);
  sfn.dispose();
  return { ...done, output: JSON.parse(done.output ?? 'null') };
}

describe('local Distributed Map (ItemReader + ItemBatcher over the local S3)', () => {
  const csv = 'id,name\n1,Ana\n2,"Bruno, Jr"\n3,Carla\n4,Diego\n5,Edu\n6,Fábio\n7,Gil\n';

  it('reads the CSV as string items, batches them with BatchInput, and returns the children outputs in order', async () => {
    const events: unknown[] = [];
    let running = 0;
    let peak = 0;
    const sfn = start({ 'files/in.csv': csv }, async (event) => {
      running += 1;
      peak = Math.max(peak, running);
      events.push(event);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
      return { size: (event as { Items: unknown[] }).Items.length };
    });
    const done = await run(sfn, { key: 'in.csv', tenant: 't1' });
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output.results).toEqual([{ size: 3 }, { size: 3 }, { size: 1 }]);
    expect(events[0]).toEqual({
      BatchInput: { tenant: 't1' },
      Items: [
        { id: '1', name: 'Ana' },
        { id: '2', name: 'Bruno, Jr' },
        { id: '3', name: 'Carla' },
      ],
    });
    expect(peak).toBe(2);
  });

  it('honours CSVDelimiter, GIVEN headers and MaxItems', async () => {
    const batches: unknown[] = [];
    const sfn = start(
      { 'files/in.csv': '1;Ana\n2;Bruno\n3;Carla\n' },
      async (event) => {
        batches.push(event);
        return null;
      },
      definition(
        {},
        { CSVDelimiter: 'SEMICOLON', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'], MaxItems: 2 },
      ),
    );
    expect((await run(sfn, { key: 'in.csv', tenant: 't' })).status).toBe('SUCCEEDED');
    expect(batches).toEqual([
      {
        BatchInput: { tenant: 't' },
        Items: [
          { id: '1', name: 'Ana' },
          { id: '2', name: 'Bruno' },
        ],
      },
    ]);
  });

  it('fails the Map with States.ExceedToleratedFailureThreshold when a child fails, and stops reading', async () => {
    let calls = 0;
    const sfn = start({ 'files/in.csv': csv }, async () => {
      calls += 1;
      throw Object.assign(new Error('table down'), { name: 'PersistenceError' });
    });
    const done = await run(sfn, { key: 'in.csv', tenant: 't' });
    expect(done.status).toBe('SUCCEEDED');
    expect(done.output.error.Error).toBe('States.ExceedToleratedFailureThreshold');
    expect(done.output.error.Cause).toContain('PersistenceError');
    expect(calls).toBeLessThan(3);
  });

  it('reports a missing object as States.ItemReaderFailed', async () => {
    const sfn = start({}, async () => null);
    const done = await run(sfn, { key: 'missing.csv', tenant: 't' });
    expect(done.output.error.Error).toBe('States.ItemReaderFailed');
  });

  it('refuses at registration what it does not emulate (ItemSelector, JSON readers)', () => {
    const withSelector = definition();
    (withSelector.States.Each as Record<string, unknown>).ItemSelector = { 'v.$': '$$.Map.Item.Value' };
    expect(() => start({}, async () => null, withSelector)).toThrow(/ItemSelector is not emulated/);
    expect(() => start({}, async () => null, definition({}, { InputType: 'JSON' }))).toThrow(
      /InputType JSON is not emulated/,
    );
  });
});
