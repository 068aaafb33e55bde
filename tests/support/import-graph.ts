/**
 * The import picture of Attune's own code, read with TypeScript's pre-processor (no type-check):
 * one node per file under src/ and web/src/, one arrow per import, export-from or dynamic import,
 * type-only imports included (a type import still couples two modules).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  root: string;
  /** Repository-relative file path → the repository-relative files it imports. */
  edges: Map<string, string[]>;
}

function listSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listSources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts'), join(stem, 'index.tsx'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function buildImportGraph(root: string, folders: readonly string[] = ['src', 'web/src']): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of listSources(join(root, folder))) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = info.importedFiles
        .map((f) => resolveSpecifier(file, f.fileName))
        .filter((t): t is string => t !== null && /\.tsx?$/.test(t))
        .map((t) => relative(root, t));
      edges.set(relative(root, file), [...new Set(targets)]);
    }
  }
  return { root, edges };
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Strongly connected groups of two or more files (Tarjan), tests left out. */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.edges.get(node) ?? []) {
      if (isTest(next) || !graph.edges.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      for (;;) {
        const top = stack.pop() as string;
        onStack.delete(top);
        group.push(top);
        if (top === node) break;
      }
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of graph.edges.keys()) if (!isTest(node) && !index.has(node)) visit(node);
  return cycles;
}

export const LOWER_LAYERS = ['http', 'realtime', 'platform', 'db', 'crypto', 'shared', 'domain', 'config', 'mail'];

const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const layerOf = (file: string) => /^src\/([^/]+)\//.exec(file)?.[1] ?? null;

export interface Arrow {
  from: string;
  to: string;
}

function arrows(graph: ImportGraph, keep: (from: string, to: string) => boolean): Arrow[] {
  const out: Arrow[] = [];
  for (const [from, targets] of graph.edges) {
    if (isTest(from)) continue;
    for (const to of targets) if (keep(from, to)) out.push({ from, to });
  }
  return out;
}

/** Imports from a layer below the features (http, realtime, db, …) up into a feature. */
export function upwardArrows(graph: ImportGraph): Arrow[] {
  return arrows(graph, (from, to) => LOWER_LAYERS.includes(layerOf(from) ?? '') && featureOf(to) !== null);
}

/** A feature importing another feature's repository: tables have one owner. */
export function foreignRepoImports(graph: ImportGraph): Arrow[] {
  return arrows(graph, (from, to) => {
    const a = featureOf(from);
    const b = featureOf(to);
    return a !== null && b !== null && a !== b && /\.repo\.ts$/.test(to);
  });
}

/** Distinct ordered pairs of features where one imports the other. */
export function featureArrows(graph: ImportGraph): string[] {
  const pairs = new Set<string>();
  for (const { from, to } of arrows(graph, (f, t) => {
    const a = featureOf(f);
    const b = featureOf(t);
    return a !== null && b !== null && a !== b;
  })) {
    pairs.add(`${featureOf(from)} → ${featureOf(to)}`);
  }
  return [...pairs].sort();
}
