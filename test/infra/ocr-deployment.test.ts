import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '#domain/calendar-date';
import { readReceiptFields } from '#domain/receipt-fields';
import { IrisFunction } from '#infra/constructs/iris-function';
import {
  OCR_LANGUAGE_FILE,
  readsOcrLanguageData,
  TESSDATA_CONTEXT_KEY,
} from '#infra/constructs/ocr-language-data';
import { FUNCTION_CATALOGUE, FUNCTION_NAMES } from '#infra/stacks/function-catalogue';
import { ReceiptImages, type ReceiptSpec } from '#test/support/receipt-image';
import { receiptPdf } from '#test/support/receipt-pdf';
import { logicalIdOf, synthesizeTenantStage } from './support/tenant-stage-template';

const run = promisify(execFile);
const conversationSteps = FUNCTION_CATALOGUE['conversation-steps'];

describe('the stack: conversation-steps reads receipts in Lambda', () => {
  const dev = synthesizeTenantStage('dev');
  const layers = Object.entries(dev.json.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::LayerVersion');

  it('carries por.traineddata in a layer of its own, read from OCR_LANG_PATH=/opt', () => {
    expect(layers).toHaveLength(1);
    const [layerId, layer] = layers[0] ?? [];
    expect(layer?.Properties).toMatchObject({
      CompatibleRuntimes: ['nodejs22.x'],
      CompatibleArchitectures: ['arm64'],
    });
    const fn = dev.json.Resources[logicalIdOf(dev.stack, dev.stack.functions['conversation-steps'].function)];
    expect(fn?.Properties.Layers).toContainEqual({ Ref: layerId });
    const environment = fn?.Properties.Environment as { Variables: Record<string, unknown> };
    expect(environment.Variables.OCR_LANG_PATH).toBe('/opt');
    for (const name of FUNCTION_NAMES.filter((n) => n !== 'conversation-steps')) {
      const other = dev.json.Resources[logicalIdOf(dev.stack, dev.stack.functions[name].function)];
      expect(other?.Properties.Layers ?? []).not.toContainEqual({ Ref: layerId });
    }
  });

  it('ships tesseract.js as installed (worker script, WASM core) and pdf.js beside the bundle', () => {
    expect(conversationSteps.packagesWithFiles.packages).toEqual(['tesseract.js']);
    expect(conversationSteps.lazyPackages).toContain('unpdf');
  });

  it('refuses to synthesize without the Portuguese data instead of deploying a function that cannot read', () => {
    const context = { 'aws:cdk:bundling-stacks': [], [TESSDATA_CONTEXT_KEY]: '/nonexistent/tessdata' };
    const fn = probeFunction(new Stack(new App({ context }), 'NoData'));
    expect(() => readsOcrLanguageData(fn)).toThrow(/por.traineddata not found in \/nonexistent\/tessdata/);
  });
});

function probeFunction(stack: Stack): IrisFunction {
  return new IrisFunction(stack, 'ReceiptReading', {
    name: 'receipt-reading',
    entry: join(process.cwd(), 'test/fixtures/receipt-reading/handler.ts'),
    description: 'Reads one receipt file (test probe)',
    tenantId: 'demo',
    stage: 'dev',
    memorySize: 1024,
    timeout: Duration.seconds(120),
    logRetention: RetentionDays.ONE_DAY,
    removalPolicy: RemovalPolicy.DESTROY,
    logLevel: 'DEBUG',
    tenantSettingsJson: '{}',
    lazyPackages: conversationSteps.lazyPackages,
    packagesWithFiles: conversationSteps.packagesWithFiles,
  });
}

/**
 * The receipt reader of conversation-steps, bundled by `IrisFunction` with the same packaging, and run from
 * the synthesized assets with nothing else on disk: the function's asset and the layer's, as Lambda mounts
 * them. Proves the worker script, the WASM core, pdf.js and the Portuguese data are there and load.
 */
describe('the bundled receipt reader, run from the synthesized assets', () => {
  let outdir: string;
  let functionAsset: string;
  let layerAsset: string;
  const images = new ReceiptImages();

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'iris-ocr-assets-'));
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'ReceiptReading');
    readsOcrLanguageData(probeFunction(stack));
    const template = Template.fromStack(stack).toJSON() as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
    };
    app.synth();
    const assetOf = (type: string) => {
      const resource = Object.values(template.Resources).find((r) => r.Type === type);
      return join(outdir, resource?.Metadata?.['aws:asset:path'] ?? 'missing');
    };
    functionAsset = assetOf('AWS::Lambda::Function');
    layerAsset = assetOf('AWS::Lambda::LayerVersion');
  }, 180_000);

  afterAll(async () => {
    await images.close();
    await rm(outdir, { recursive: true, force: true });
  });

  it('the layer holds only por.traineddata; the asset the packages, without the cores it never loads', async () => {
    expect(await readdir(layerAsset)).toEqual([OCR_LANGUAGE_FILE]);
    const core = join(functionAsset, 'node_modules', 'tesseract.js-core');
    expect((await readdir(core)).filter((file) => file.endsWith('.wasm')).sort()).toEqual([
      'tesseract-core-simd.wasm',
      'tesseract-core.wasm',
    ]);
    expect(existsSync(join(functionAsset, 'node_modules/tesseract.js/src/worker-script/node/index.js'))).toBe(
      true,
    );
    expect(existsSync(join(functionAsset, 'node_modules/unpdf/index.mjs'))).toBe(true);
    const bundle = await readFile(join(functionAsset, 'index.mjs'), 'utf8');
    expect(bundle).toContain('import("tesseract.js")');
    expect(bundle).toContain('import("unpdf")');
  });

  async function readFromAsset(bytes: Uint8Array, mimeType: string): Promise<string> {
    const file = join(outdir, `receipt-${mimeType.replace('/', '-')}`);
    await writeFile(file, bytes);
    const script = `const { handler } = await import(${JSON.stringify(join(functionAsset, 'index.mjs'))});
process.stdout.write(await handler({ path: ${JSON.stringify(file)}, mimeType: ${JSON.stringify(mimeType)} }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: functionAsset,
      timeout: 120_000,
      // Lambda's environment: the layer's folder and nothing from this machine's node_modules or tessdata.
      env: { PATH: process.env.PATH ?? '', OCR_LANG_PATH: layerAsset },
    });
    return stdout;
  }

  const spec: ReceiptSpec = {
    merchant: 'MERCADINHO SÃO JORGE LTDA',
    printedDate: '03/12/2026 14:32',
    items: [{ name: 'ARROZ 5KG', amount: '87,40' }],
    total: '87,40',
  };
  const today = '2026-12-05' as CalendarDate;

  it('reads a receipt photo with Tesseract from the asset and the layer', async () => {
    const text = await readFromAsset(await images.render(spec), 'image/png');
    expect(readReceiptFields(text, today)).toMatchObject({ totalCents: 8740, date: '2026-12-03' });
  }, 150_000);

  it('reads a PDF receipt with pdf.js from the asset', async () => {
    const text = await readFromAsset(await receiptPdf(spec), 'application/pdf');
    expect(readReceiptFields(text, today)).toMatchObject({ totalCents: 8740, date: '2026-12-03' });
  }, 60_000);
});
