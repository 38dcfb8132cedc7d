import { readFileSync } from 'node:fs';
import { containsZodLocales } from './bundle-contents';
import type { BuiltStack } from './cdk-assets';
import { measureInitRatios } from './init-time';

export interface BundleFigure {
  name: string;
  kib: number;
  mapKib: number;
  memoryMb: number;
  /** Median CPU time of the import (the goal's measure), and its ratio to the floor's. */
  initMs: number;
  initRatio: number;
  /** Median wall time of the import, and its ratio to the floor's (inflated by other work on the machine). */
  initWallMs: number;
  initWallRatio: number;
  /** Resident memory after init (median), against the configured memory. */
  rssAfterInitMb: number;
  zodLocales: boolean;
  sourceMapsFlag: boolean;
}

export interface BundleFigures {
  floor: { kib: number; initMs: number; initWallMs: number };
  functions: BundleFigure[];
  /** Goal: every function's init ≤ 1.3× the DynamoDB-only floor. */
  initRatioGoal: number;
  /** What `--enable-source-maps` adds to init, measured on the largest bundle. */
  sourceMapsFlag: { function: string; withoutMs: number; withMs: number };
}

const INIT_RATIO_GOAL = 1.3;

/**
 * The bundles CDK built for the stack (its esbuild options, its environment): size, init against the floor
 * bundle in the same run, zod's locales, and what `--enable-source-maps` would cost on the largest one.
 */
export function benchBundles(built: BuiltStack): BundleFigures {
  const { floorMs, floorWallMs, figures } = measureInitRatios(built.functions, built.baseline);
  const kib = (bytes: number) => Math.round(bytes / 1024);
  const functions = built.functions.map((fn) => {
    const init = figures.find((figure) => figure.name === fn.name);
    return {
      name: fn.name,
      kib: kib(fn.bytes),
      mapKib: kib(fn.mapBytes),
      memoryMb: fn.memoryMb,
      initMs: Math.round(init?.medianMs ?? Number.NaN),
      initRatio: Math.round((init?.ratio ?? Number.NaN) * 100) / 100,
      initWallMs: Math.round(init?.medianWallMs ?? Number.NaN),
      initWallRatio: Math.round((init?.wallRatio ?? Number.NaN) * 100) / 100,
      rssAfterInitMb: Math.round(init?.rssMb ?? Number.NaN),
      zodLocales: containsZodLocales(readFileSync(fn.bundle, 'utf8')),
      sourceMapsFlag: (fn.environment.NODE_OPTIONS ?? '').includes('--enable-source-maps'),
    };
  });
  const largest = [...built.functions].sort((a, b) => b.bytes - a.bytes)[0] ?? built.baseline;
  const withFlag = {
    ...largest,
    environment: { ...largest.environment, NODE_OPTIONS: '--enable-source-maps' },
  };
  const withoutFlag = { ...largest, environment: { ...largest.environment, NODE_OPTIONS: '' } };
  const flag = measureInitRatios([{ ...withFlag, name: 'with' }], { ...withoutFlag, name: 'without' });
  const sourceMapsFlag = {
    function: largest.name,
    withoutMs: Math.round(flag.floorMs),
    withMs: Math.round(flag.figures[0]?.medianMs ?? Number.NaN),
  };

  console.log(
    `floor (DynamoDB client only, same construct): ${kib(built.baseline.bytes)} KiB, init CPU ${floorMs.toFixed(0)} ms (wall ${floorWallMs.toFixed(0)} ms)`,
  );
  console.log(
    'function                   bundle    .map  memory  init CPU  ratio (goal <= 1.3)  wall (ratio)  zod locales  RSS after init',
  );
  for (const f of functions) {
    console.log(
      `${f.name.padEnd(26)} ${`${f.kib} KiB`.padStart(8)} ${`${f.mapKib}`.padStart(7)} ${`${f.memoryMb} MB`.padStart(7)} ` +
        `${`${f.initMs} ms`.padStart(9)} ${`${f.initRatio.toFixed(2)}x`.padStart(6)} ${f.initRatio <= INIT_RATIO_GOAL ? 'ok ' : 'GAP'}` +
        `          ${`${f.initWallMs} ms (${f.initWallRatio.toFixed(2)}x)`.padStart(16)}  ${f.zodLocales ? 'YES' : 'no '}          ${f.rssAfterInitMb} MB`,
    );
  }
  console.log(
    `--enable-source-maps on ${sourceMapsFlag.function}: init CPU ${sourceMapsFlag.withoutMs} ms without, ${sourceMapsFlag.withMs} ms with (not set in the stack)`,
  );
  return {
    floor: {
      kib: kib(built.baseline.bytes),
      initMs: Math.round(floorMs),
      initWallMs: Math.round(floorWallMs),
    },
    functions,
    initRatioGoal: INIT_RATIO_GOAL,
    sourceMapsFlag,
  };
}
