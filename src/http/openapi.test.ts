import { Validator } from '@seriousme/openapi-schema-validator';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../routes';
import { buildOpenApiDocument } from './openapi';
import type { AnyRoute } from './route';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

describe('buildOpenApiDocument(routeTable)', () => {
  let doc: Json;
  beforeAll(() => {
    doc = buildOpenApiDocument(routeTable, 'http://localhost:3000') as Json;
  });

  it('is OpenAPI 3.1.0 with the given server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'http://localhost:3000' }]);
    expect(doc.info.title).toBe('Attune API');
  });

  it('is a valid OpenAPI document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has the route table to work with', () => {
    expect(routeTable.length).toBeGreaterThan(5);
  });

  it('lists every route under its path and method, with {param}-style placeholders', () => {
    for (const route of routeTable) {
      const path = toOpenApiPath(route.path);
      expect(path).not.toContain(':');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.operationId).toBe(route.id);
    }
  });

  it('has exactly as many operations as routes (nothing lost to a path/method clash)', () => {
    const count = Object.values(doc.paths as Record<string, Json>).reduce(
      (n, item) => n + Object.keys(item).filter((k) => METHODS.includes(k)).length,
      0,
    );
    expect(count).toBe(routeTable.length);
    expect(new Set(routeTable.map((r) => `${r.method} ${r.path}`)).size).toBe(routeTable.length);
  });

  it('gives every operation a tag, a summary and a unique operationId', () => {
    const ids: string[] = [];
    const declaredTags = new Set((doc.tags as { name: string }[]).map((t) => t.name));
    for (const item of Object.values(doc.paths as Record<string, Json>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        expect(typeof op.operationId).toBe('string');
        expect(op.operationId.length).toBeGreaterThan(0);
        expect(Array.isArray(op.tags) && op.tags.length > 0).toBe(true);
        for (const t of op.tags) expect(declaredTags.has(t)).toBe(true);
        expect(typeof op.summary).toBe('string');
        ids.push(op.operationId);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path placeholder as a required path parameter', () => {
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        const params = (op.parameters ?? []).filter((p: Json) => p.in === 'path');
        expect(params.map((p: Json) => p.name).sort(), `${method} ${path}`).toEqual([...names].sort());
        for (const p of params) {
          expect(p.required).toBe(true);
          expect(p.schema).toBeTypeOf('object');
        }
      }
    }
  });

  it('includes the known parameterised paths', () => {
    expect(doc.paths['/api/v1/space/invites/{id}']?.delete).toBeDefined();
    expect(doc.paths['/api/v1/invites/{token}']?.get).toBeDefined();
    expect(doc.paths['/api/v1/invites/{token}/accept']?.post).toBeDefined();
    expect(doc.paths['/api/v1/auth/sessions/{id}']?.delete).toBeDefined();
  });

  it('marks signed-in routes with the session cookie and 401, public ones with no security', () => {
    for (const route of routeTable) {
      const op = doc.paths[toOpenApiPath(route.path)][route.method.toLowerCase()];
      if (route.access !== 'public') {
        expect(op.security).toEqual([{ sessionCookie: [] }]);
        expect(op.responses['401']).toBeDefined();
        // A route for one kind of account refuses the other kind with 403.
        if (route.access === 'signed-in' || route.access === 'therapist') expect(op.responses['403']).toBeDefined();
      } else {
        expect(op.security).toEqual([]);
      }
      expect(op.responses[String(route.success.status)]).toBeDefined();
      if (route.body) {
        expect(op.requestBody?.required).toBe(true);
        expect(op.responses['400']).toBeDefined();
        expect(op.responses['413']).toBeDefined();
      }
      for (const code of route.errors) {
        expect(op.responses[String(code)].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(doc.components.securitySchemes.sessionCookie).toEqual({ type: 'apiKey', in: 'cookie', name: 'attune_session' });
  });

  it('uses JSON Schema without a $schema key inside operations', () => {
    expect(JSON.stringify(doc.paths)).not.toContain('"$schema"');
  });
});

describe('buildOpenApiDocument with a synthetic route', () => {
  const route = {
    id: 'things.update',
    method: 'PATCH',
    path: '/api/v1/things/:thingId/parts/:partId',
    tag: 'things',
    summary: 'Change a part',
    access: 'signed-in',
    params: v.object({ thingId: v.pipe(v.string(), v.uuid()), partId: v.string() }),
    body: v.object({ name: v.pipe(v.string(), v.maxLength(80)) }),
    success: { status: 200, schema: v.object({ ok: v.boolean() }) },
    errors: [404, 409],
    handle: async () => ({ ok: true }),
  } as unknown as AnyRoute;

  it('converts params, body and response schemas, and validates', async () => {
    const doc = buildOpenApiDocument([route], 'https://attune.example.org') as Json;
    const op = doc.paths['/api/v1/things/{thingId}/parts/{partId}'].patch;
    expect(op.parameters).toEqual([
      { name: 'thingId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      { name: 'partId', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(op.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { name: { type: 'string', maxLength: 80 } },
      required: ['name'],
    });
    expect(op.responses['200'].content['application/json'].schema).toMatchObject({
      type: 'object',
      properties: { ok: { type: 'boolean' } },
    });
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
    expect(doc.tags).toEqual([{ name: 'things' }]);
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.valid).toBe(true);
  });

  it('documents a 204 without content', () => {
    const noContent = { ...route, method: 'DELETE', body: undefined, success: { status: 204 } } as unknown as AnyRoute;
    const op = (buildOpenApiDocument([noContent], 'http://x') as Json).paths['/api/v1/things/{thingId}/parts/{partId}'].delete;
    expect(op.responses['204']).toEqual({ description: 'Done, no content' });
    expect(op.requestBody).toBeUndefined();
    expect(op.responses['413']).toBeUndefined();
  });
});
