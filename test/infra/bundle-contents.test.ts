import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { containsZodLocales } from '#test/bench/bundle-contents';

/** The detector `synth.test.ts` runs on every CDK-built bundle, shown to tell full zod from zod/mini. */
async function bundleOf(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('containsZodLocales', () => {
  it('finds the locales in a bundle that imports full zod', async () => {
    const text = await bundleOf("import { z } from 'zod'; export const s = z.string().min(1);");
    expect(containsZodLocales(text)).toBe(true);
  });

  it('finds none in a bundle that imports zod/mini', async () => {
    const text = await bundleOf(
      "import * as z from 'zod/mini'; export const s = z.string().check(z.minLength(1));",
    );
    expect(containsZodLocales(text)).toBe(false);
  });
});
