import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type Contracts, contracts } from '../../src/contracts.js';
import { buildRequest, matchEndpoint } from '../../src/http/client.js';
import { defineContract } from '../../src/http/contract.js';
import { routeTable } from '../../src/routes.js';
import { AnswerDrift, checkAnswer } from '../support/answer-check.js';
import { buildImportGraph } from '../support/import-graph.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('the route contracts', () => {
  it('give every route a unique id and a unique method and path', () => {
    expect(new Set(contracts.map((c) => c.id)).size).toBe(contracts.length);
    expect(new Set(contracts.map((c) => `${c.method} ${c.path}`)).size).toBe(contracts.length);
  });

  it('are each bound to exactly one handler, and the route keeps its contract unchanged', () => {
    expect(routeTable.map((r) => r.id).sort()).toEqual(contracts.map((c) => c.id).sort());
    for (const contract of contracts) {
      const [route, ...more] = routeTable.filter((r) => r.id === contract.id);
      expect(more, contract.id).toEqual([]);
      const { handle, ...bound } = route as (typeof routeTable)[number];
      expect(typeof handle).toBe('function');
      expect(bound).toEqual(contract);
    }
  });

  it('import nothing but schemas, so the browser can take their types (no services, Kysely or crypto)', () => {
    const graph = buildImportGraph(ROOT, ['src']);
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      for (const next of graph.edges.get(file) ?? []) visit(next);
    };
    visit('src/contracts.ts');
    const allowed =
      /^src\/(contracts\.ts|http\/contract\.ts|http\/client\.ts|domain\/.+|features\/[^/]+\/[^/]+\.(contract|schema)\.ts)$/;
    expect([...reachable].filter((f) => !allowed.test(f))).toEqual([]);
    const packages = new Set<string>();
    for (const file of reachable) {
      for (const imported of ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles) {
        if (!imported.fileName.startsWith('.')) packages.add(imported.fileName);
      }
    }
    expect([...packages].sort()).toEqual(['valibot']);
  });
});

describe('the typed client', () => {
  const put = contracts.find((c) => c.id === 'log.mark');
  it('fills path parameters encoded, and leaves out query values that are not given', () => {
    if (!put) throw new Error('log.mark is missing');
    const built = buildRequest<Contracts['log.mark']>(put, { params: { id: 'c1', key: 'Monday#2' }, body: { status: 'done' } });
    expect(built).toEqual({ method: 'PUT', url: '/api/v1/commitments/c1/occurrences/Monday%232/mark', body: { status: 'done' } });
    const list = buildRequest<Contracts['checkins.list']>(
      { id: 'x', method: 'GET', path: '/api/v1/checkins' },
      { query: { from: '2026-12-01', to: undefined } },
    );
    expect(list.url).toBe('/api/v1/checkins?from=2026-12-01');
    expect(() => buildRequest(put, {} as never)).toThrow(/needs the path parameter "id"/);
  });

  it('matches a path back to its route, fixed segments first, parameters decoded', () => {
    expect(matchEndpoint(contracts, 'GET', '/api/v1/checkins/today')?.endpoint.id).toBe('checkins.today');
    const one = matchEndpoint(contracts, 'GET', '/api/v1/checkins/0193a0a0-0000-7000-8000-000000000000');
    expect(one?.endpoint.id).toBe('checkins.get');
    const mark = matchEndpoint(contracts, 'PUT', '/api/v1/commitments/c1/occurrences/Monday%232/mark');
    expect(mark).toMatchObject({ endpoint: { id: 'log.mark' }, params: { id: 'c1', key: 'Monday#2' } });
    expect(matchEndpoint(contracts, 'PATCH', '/api/v1/checkins/today')).toBeNull();
    expect(matchEndpoint(contracts, 'GET', '/api/v1/nothing-here')).toBeNull();
    expect(matchEndpoint(contracts, 'GET', '/api/v1/checkins/%E0%A4%A')).toBeNull();
  });
});

describe('answers checked against the declared success schema (tests/support/answer-check.ts)', () => {
  const config = { quickExitUrl: 'https://example.org/', emailEnabled: false };
  it('accepts an answer that matches', () => {
    expect(() => checkAnswer('GET', '/api/v1/config', 200, config)).not.toThrow();
  });
  it('refuses a missing or mistyped field', () => {
    expect(() => checkAnswer('GET', '/api/v1/config', 200, { quickExitUrl: 'x' })).toThrow(AnswerDrift);
    expect(() => checkAnswer('GET', '/api/v1/config', 200, { ...config, emailEnabled: 'no' })).toThrow(AnswerDrift);
  });
  it('refuses a field the schema does not declare, and a status other than the declared one', () => {
    expect(() => checkAnswer('GET', '/api/v1/config', 200, { ...config, extra: 1 })).toThrow(/does not declare/);
    expect(() => checkAnswer('GET', '/api/v1/config', 201, config)).toThrow(/declares 200/);
  });
  it('leaves refusals and unknown paths alone', () => {
    expect(() => checkAnswer('GET', '/api/v1/config', 404, { error: {} })).not.toThrow();
    expect(() => checkAnswer('GET', '/healthz', 200, { status: 'ok' })).not.toThrow();
  });
  it('keeps the contract helper an identity that holds literal types', () => {
    const c = defineContract({
      id: 'x.y',
      method: 'GET',
      path: '/api/v1/x',
      tag: 't',
      summary: 's',
      access: 'public',
      success: { status: 200, schema: v.object({ a: v.string() }) },
      errors: [],
    });
    const id: 'x.y' = c.id;
    expect(id).toBe('x.y');
  });
});

function webSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) webSources(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('the web app', () => {
  it('has no string path to /api outside the derived client', () => {
    const offenders = webSources(join(ROOT, 'web/src'))
      .filter((file) => !file.endsWith(join('api', 'client.ts')))
      .filter((file) => /['"`]\/api\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
