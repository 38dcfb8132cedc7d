/**
 * Baseline for issue 16 item 1 ("webhooks write, then answer"): on the local cloud, how long the WhatsApp
 * webhook takes to answer a signed owner message, and how long from that message to IRIS's reply at the
 * WhatsApp simulator. Run: `npx tsx test/integration/webhooks/measure-webhook-latency.ts [messages]`.
 * Prints JSON; run it before and after a change to the inbound path, on the same machine, nothing else running.
 */
import { performance } from 'node:perf_hooks';
import { e164ToWhatsAppId, normalizePhone } from '#domain/phone-number';
import { DEMO_TENANT } from '#infra/local/demo-tenant';
import { LOCAL_SECRETS } from '#infra/local/local-cloud-names';
import { startLocalCloud } from '#infra/local/start-local-cloud';
import { inboundMessagePayload, metaJson } from '#simulators/whatsapp/webhook-payloads';
import { signMetaPayload } from '#webhooks/whatsapp/signature';

const COUNT = Number(process.argv[2] ?? 20);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const summary = (values: number[]) => ({
  n: values.length,
  p50Ms: Number(percentile(values, 50).toFixed(1)),
  p99Ms: Number(percentile(values, 99).toFixed(1)),
});

async function main() {
  const cloud = await startLocalCloud({ port: 0 });
  const owner = normalizePhone(DEMO_TENANT.owner.phone);
  const waId = e164ToWhatsAppId(owner);
  const business = {
    wabaId: '102290129340398',
    phoneNumberId: DEMO_TENANT.whatsAppPhoneNumberId,
    displayPhoneNumber: DEMO_TENANT.whatsAppDisplayNumber,
  };
  const acks: number[] = [];
  const replies: number[] = [];
  try {
    for (let i = 0; i < COUNT; i += 1) {
      const repliesBefore = cloud.simulators.whatsapp.controls.outboundTo(owner).length;
      const body = metaJson(
        inboundMessagePayload(
          business,
          { waId, profileName: 'Ana Demo' },
          {
            from: waId,
            id: `wamid.latency-${Date.now()}-${i}`,
            timestamp: String(Math.floor(cloud.clock.now().getTime() / 1000)),
            type: 'text',
            text: { body: 'quem me deve?' },
          },
        ),
      );
      const started = performance.now();
      const response = await fetch(cloud.urls.whatsappWebhook, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signMetaPayload(body, LOCAL_SECRETS.whatsAppAppSecret),
        },
        body,
      });
      acks.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      while (cloud.simulators.whatsapp.controls.outboundTo(owner).length <= repliesBefore) {
        if (performance.now() - started > 30_000) throw new Error('no reply within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      replies.push(performance.now() - started);
      await cloud.settle();
    }
  } finally {
    await cloud.stop();
  }
  console.log(JSON.stringify({ webhookAck: summary(acks), ownerReply: summary(replies) }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
