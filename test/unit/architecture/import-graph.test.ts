import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCycles, readImportGraph } from '#test/support/import-graph';

/**
 * The layers, lowest first: a file may import its own layer or a lower one, never a higher one.
 * domain ← application (with the logger it is handed and the webhook events it receives) ← adapters, config,
 * language, workflow definitions ← functions. `infra/` (stack and local cloud) and the simulators stand apart:
 * they may import anything below, and nothing in the production layers imports them.
 */
const LAYERS: Array<{ name: string; rank: number; prefixes: string[] }> = [
  { name: 'domain', rank: 0, prefixes: ['shared/domain/'] },
  { name: 'application', rank: 1, prefixes: ['shared/application/', 'shared/logging/', 'shared/webhooks/'] },
  {
    name: 'adapters',
    rank: 2,
    prefixes: ['shared/adapters/', 'shared/config/', 'shared/language/', 'workflows/'],
  },
  { name: 'functions', rank: 3, prefixes: ['functions/'] },
  { name: 'simulators', rank: 4, prefixes: ['shared/simulators/'] },
  { name: 'infra', rank: 5, prefixes: ['infra/'] },
];

function layerOf(file: string) {
  const layer = LAYERS.find((candidate) => candidate.prefixes.some((prefix) => file.startsWith(prefix)));
  if (!layer) throw new Error(`${file} is in no layer: add its folder to LAYERS`);
  return layer;
}

function upwardArrows(graph: ImportGraph): string[] {
  const arrows: string[] = [];
  for (const [file, targets] of graph.edges) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      // simulators and infra are apart: the simulators may not reach into the local cloud either.
      if (to.rank > from.rank) arrows.push(`${file} (${from.name}) → ${target} (${to.name})`);
    }
  }
  return arrows;
}

const graph = readImportGraph(fileURLToPath(new URL('../../..', import.meta.url)));

describe('the production import graph', () => {
  it('reads the whole tree (a broken reader would pass every rule below)', () => {
    expect(graph.edges.size).toBeGreaterThan(300);
    expect(graph.edges.get('functions/reminder-step/handler.ts')).toContain(
      'functions/reminder-step/composition.ts',
    );
    expect(
      graph.edges
        .get('functions/reminder-step/composition.ts')
        ?.some((file) => file.startsWith('shared/config/')),
    ).toBe(true);
  });

  it('has no import circle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const circle: ImportGraph = {
      edges: new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c.ts']],
        ['c.ts', ['a.ts']],
        ['d.ts', ['a.ts']],
      ]),
    };
    expect(importCycles(circle)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no arrow from a lower layer to a higher one', () => {
    expect(upwardArrows(graph)).toEqual([]);
  });

  it('reports an upward arrow', () => {
    const upward: ImportGraph = {
      edges: new Map([
        ['shared/domain/money.ts', ['shared/adapters/dynamodb/table-access.ts']],
        ['shared/adapters/dynamodb/table-access.ts', []],
      ]),
    };
    expect(upwardArrows(upward)).toEqual([
      'shared/domain/money.ts (domain) → shared/adapters/dynamodb/table-access.ts (adapters)',
    ]);
  });
});
