import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDemoStory } from '../../infra/local/demo-story';
import { LocalCloudClient } from '../../infra/local/local-cloud-client';
import { type LocalCloud, startLocalCloud } from '../../infra/local/start-local-cloud';

/** `npm run demo`'s story, end to end, against a local cloud started here (the suite's DynamoDB Local). */
describe('npm run demo story', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({
      port: 0,
      dynamoDbEndpoint: inject('dynamoDbEndpoint'),
      // A Wednesday, 11:00 in São Paulo.
      clockStart: new Date('2026-12-02T14:00:00.000Z'),
      functionLogLevel: 'ERROR',
    });
  }, 120_000);

  afterAll(async () => {
    await cloud?.stop();
  });

  it('plays charge, clarification, confirmation, delivery, reminders, payment and notice', async () => {
    const lines: string[] = [];
    const result = await runDemoStory(new LocalCloudClient(cloud.apiUrl), (line) => lines.push(line));

    expect(
      result.steps.filter((step) => !step.ok),
      lines.join('\n'),
    ).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.steps).toHaveLength(9);
    expect(lines.join('\n')).toContain('Qual a data de vencimento');
    expect(lines.join('\n')).toContain('estado paid');
    // The virtual clock moved three days; the payment notice reached the owner.
    expect(cloud.clock.now().toISOString().slice(0, 10)).toBe('2026-12-05');
    const ownerChat = cloud.simulators.whatsapp.controls.conversation('+5511999990001');
    expect(ownerChat.at(-1)?.direction).toBe('outbound');
  }, 90_000);
});
