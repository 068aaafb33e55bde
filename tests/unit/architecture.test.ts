import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Arrow,
  buildImportGraph,
  foreignRepoImports,
  importCycles,
  LOWER_LAYERS,
  upwardArrows,
} from '../support/import-graph.js';

// The shape of the code, kept so: no import circles, lower layers never reach up into a feature,
// and each table has one owner (a feature reads another's data through its published *.read.ts,
// never through its repository). On failure each assertion names the offending arrows.

const ROOT = resolve(import.meta.dirname, '../..');
const graph = buildImportGraph(ROOT);

const listed = (arrows: readonly Arrow[]) => arrows.map((a) => `${a.from} → ${a.to}`).sort();

describe('the import graph of src/ and web/src/', () => {
  it('reads the code (a sanity check that the graph is not empty)', () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect([...graph.edges.keys()].some((f) => f.startsWith('src/features/'))).toBe(true);
    expect([...graph.edges.keys()].some((f) => f.startsWith('web/src/'))).toBe(true);
  });

  it('has no import cycle', () => {
    const cycles = importCycles(graph).map((group) => group.join(' ↔ '));
    expect(cycles, 'files that import each other, directly or round a circle').toEqual([]);
  });

  it(`has no import from a lower layer (src/{${LOWER_LAYERS.join(',')}}) into src/features`, () => {
    expect(listed(upwardArrows(graph)), 'pass what a lower layer needs in from the composition root').toEqual([]);
  });

  it("has no feature importing another feature's repository", () => {
    expect(listed(foreignRepoImports(graph)), "call the owning feature's <feature>.read.ts instead").toEqual([]);
  });
});
