import { localCloudSettings } from './process-environment';
import { type LocalCloud, startLocalCloud } from './start-local-cloud';
import { createDemoReportSchedule } from './wire-local-functions';

/**
 * `npm start`: the local cloud on http://127.0.0.1:3000 (PORT to change), every URL printed, until Ctrl-C,
 * which stops everything (DynamoDB Local's JVM included). Another Ctrl-C a moment later exits at once (the JVM
 * is still killed on exit).
 */

const settings = localCloudSettings();
let cloud: LocalCloud | undefined;
let stoppingSince: number | undefined;

async function stopAndExit(code: number, reason: string): Promise<void> {
  if (stoppingSince !== undefined) {
    // `npm start` relays the terminal's Ctrl-C to this process, which got it too: ignore that echo.
    if (Date.now() - stoppingSince < 1_500) return;
    console.log('[iris] exiting now');
    process.exit(code);
  }
  stoppingSince = Date.now();
  console.log(`\n[iris] ${reason}: stopping the local cloud…`);
  await cloud?.stop();
  console.log('[iris] stopped');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stopAndExit(0, signal));
}
process.on('uncaughtException', (error) => {
  console.error('[iris] uncaught error', error);
  void stopAndExit(1, 'uncaught error');
});
process.on('unhandledRejection', (error) => {
  console.error('[iris] unhandled rejection', error);
  void stopAndExit(1, 'unhandled rejection');
});

try {
  cloud = await startLocalCloud({
    port: settings.port ?? 3000,
    log: (line) => console.log(`[iris] ${line}`),
    ...(settings.logLevel && { functionLogLevel: settings.logLevel }),
  });
  // The owner report on the first business day of each month (changeable by message).
  await createDemoReportSchedule();
} catch (error) {
  console.error('[iris] the local cloud could not start:', error instanceof Error ? error.message : error);
  await stopAndExit(1, 'start failed');
}

if (cloud) {
  const { urls } = cloud;
  const rows: Array<[string, string]> = [
    ['Console', urls.console],
    ['API (HTTP API routes)', urls.api],
    ['  WhatsApp webhook', urls.whatsappWebhook],
    ['  Paytime webhook', urls.paytimeWebhook],
    ['  health / ready', `${urls.api}/health  ${urls.api}/ready`],
    ['  local controls', `${urls.api}/_local/…  ${urls.api}/_sim/whatsapp/…  ${urls.api}/_sim/paytime/…`],
    ['WhatsApp simulator', urls.whatsappSimulator],
    ['Paytime simulator', urls.paytimeSimulator],
    ['OpenAI simulator (voice)', urls.openAiSimulator],
    ['SES (sent e-mail viewer)', urls.sesViewer],
    ['S3 (path-style)', `${urls.s3}  (bucket ${urls.filesBucket})`],
    ['DynamoDB Local', `${urls.dynamoDb}  (table ${cloud.tableName})`],
    ['SQS', urls.sqs],
    ['Step Functions', urls.stepFunctions],
    ['EventBridge Scheduler', urls.scheduler],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(
    `\nIRIS local cloud is up in ${(cloud.startupMs / 1000).toFixed(1)} s (virtual clock: ${cloud.clock.now().toISOString()})\n`,
  );
  for (const [name, url] of rows) console.log(`  ${name.padEnd(width)}  ${url}`);
  if (cloud.missingFunctions.length > 0) {
    console.log(`\n  Not running (no handler yet): ${cloud.missingFunctions.join(', ')}`);
  }
  console.log(
    '\nDemo owner: +5511999990001. Try `npm run demo` in another terminal. Ctrl-C stops everything.\n',
  );
}
