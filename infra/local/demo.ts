import { runDemoStory } from './demo-story';
import { LocalCloudClient } from './local-cloud-client';
import { localCloudSettings } from './process-environment';
import { type LocalCloud, startLocalCloud } from './start-local-cloud';

/**
 * `npm run demo`: plays the scripted story against the local cloud at IRIS_LOCAL_URL (default
 * http://127.0.0.1:3000), or, when nothing answers there, against a local cloud it starts (and stops) itself.
 * Prints each step; exits 1 if any step did not happen.
 */

const settings = localCloudSettings();
const url = settings.url ?? `http://127.0.0.1:${settings.port ?? 3000}`;
let cloud: LocalCloud | undefined;
let client = new LocalCloudClient(url);

async function main(): Promise<number> {
  if (await client.isUp()) {
    console.log(`IRIS demo against the local cloud at ${url}\n`);
  } else {
    console.log(`Nothing answers at ${url}: starting a local cloud for the demo…`);
    cloud = await startLocalCloud({ port: 0, functionLogLevel: settings.logLevel ?? 'ERROR' });
    client = new LocalCloudClient(cloud.apiUrl);
    console.log(`Local cloud up in ${(cloud.startupMs / 1000).toFixed(1)} s at ${cloud.apiUrl}\n`);
  }
  const result = await runDemoStory(client, (line) => console.log(line));
  const seconds = (result.totalMs / 1000).toFixed(1);
  console.log(
    result.ok
      ? `\nDemo passed: ${result.steps.length} steps in ${seconds} s.`
      : `\nDemo FAILED at step "${result.steps.at(-1)?.title}" after ${seconds} s.`,
  );
  return result.ok ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error('The demo could not run:', error instanceof Error ? error.message : error);
} finally {
  await cloud?.stop();
}
process.exit(exitCode);
