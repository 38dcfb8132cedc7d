import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Each Lambda bundled as the stack bundles it (ESM, minified, SDK included, Node 22): the bundle's size is
 * what a cold start loads. Printed per function, with the share that is the AWS SDK and zod.
 */
export async function benchBundleSizes(): Promise<void> {
  const functionsDir = join(process.cwd(), 'functions');
  const entries = readdirSync(functionsDir)
    .map((name) => ({ name, entry: join(functionsDir, name, 'handler.ts') }))
    .filter(({ entry }) => existsSync(entry));
  for (const { name, entry } of entries) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      write: false,
      metafile: true,
      logLevel: 'silent',
      banner: { js: "import{createRequire}from'module';const require=createRequire(import.meta.url);" },
    });
    const output = Object.values(result.metafile.outputs)[0];
    const total = output?.bytes ?? 0;
    let sdk = 0;
    let zod = 0;
    for (const [path, input] of Object.entries(output?.inputs ?? {})) {
      if (path.includes('node_modules/@aws-sdk') || path.includes('node_modules/@smithy'))
        sdk += input.bytesInOutput;
      if (path.includes('node_modules/zod')) zod += input.bytesInOutput;
    }
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`${name.padEnd(26)} ${kb(total).padStart(8)}  (AWS SDK ${kb(sdk)}, zod ${kb(zod)})`);
  }
}
