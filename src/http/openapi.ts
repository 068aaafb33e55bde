import { toJsonSchema } from '@valibot/to-json-schema';
import type { AnySchema, Contract } from './contract.js';

type JsonObject = Record<string, unknown>;

const jsonSchema = (schema: AnySchema): JsonObject => {
  const { $schema: _drop, ...rest } = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' }) as JsonObject;
  return rest;
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `fields` names each field at fault',
  401: 'Signed out',
  403: 'Allowed to see, not to change; or a cross-site request',
  404: 'Not found, or not yours to see (the two answer alike)',
  409: 'Conflicts with the current state (or, with an Idempotency-Key, the first request is still running)',
  413: 'Body larger than 64 KB',
  415: 'Body is not JSON',
  422: 'This Idempotency-Key was already used with a different request',
  429: 'Too many attempts; see Retry-After',
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

function pathParameters(route: Contract): JsonObject[] {
  const names = [...route.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
  const properties = route.params ? ((jsonSchema(route.params).properties ?? {}) as Record<string, JsonObject>) : {};
  return names.map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }));
}

function queryParameters(route: Contract): JsonObject[] {
  if (!route.query) return [];
  const schema = jsonSchema(route.query);
  const required = new Set((schema.required ?? []) as string[]);
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: required.has(name), schema: s }));
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (1-255 visible ASCII characters). Sending the same request again with the same key answers the first result (with `Idempotent-Replayed: true`) and changes nothing; the same key with a different request answers 422.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

function parametersOf(route: Contract): JsonObject[] {
  return [...pathParameters(route), ...queryParameters(route), ...(route.idempotent ? [idempotencyKeyParameter] : [])];
}

function operation(route: Contract): JsonObject {
  const responses: JsonObject = {};
  const { status, schema } = route.success;
  responses[String(status)] = route.success.stream
    ? { description: route.success.description ?? 'A stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }
    : schema
      ? { description: route.success.description ?? 'Success', content: { 'application/json': { schema: jsonSchema(schema) } } }
      : { description: route.success.description ?? 'Done, no content' };
  if (route.success.alsoStatus) responses[String(route.success.alsoStatus)] = responses[String(status)];
  // A body that is not JSON (the calendar feed's text/calendar), written by the handler itself.
  const { contentType } = route.success;
  if (contentType)
    responses[String(status)] = {
      description: route.success.description ?? 'Success',
      content: { [contentType]: { schema: { type: 'string' } } },
    };
  const statuses = new Set([
    ...route.errors,
    ...(route.access !== 'public' ? [401] : []),
    ...(route.access === 'signed-in' || route.access === 'therapist' ? [403] : []),
    ...(route.body ? [400, 413, 415] : []),
    ...(route.method !== 'GET' ? [403] : []),
    ...(route.limitPerAddress ? [429] : []),
    ...(route.idempotent ? [400, 409, 422] : []),
  ]);
  for (const code of [...statuses].sort()) {
    responses[String(code)] = {
      description: ERROR_DESCRIPTIONS[code] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    operationId: route.id,
    tags: [route.tag],
    summary: route.summary,
    ...(route.access !== 'public' ? { security: [{ sessionCookie: [] }] } : { security: [] }),
    ...(parametersOf(route).length > 0 ? { parameters: parametersOf(route) } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the same route table and schemas that serve requests. */
export function buildOpenApiDocument(routes: readonly Contract[], serverUrl: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const openApiPath = route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
    paths[openApiPath] ??= {};
    (paths[openApiPath] as JsonObject)[route.method.toLowerCase()] = operation(route);
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Attune API',
      version: '1.0.0',
      description: 'The JSON API of Attune. Errors: { error: { code, message, fields? } }.',
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'attune_session' } },
      schemas: { Error: errorSchema },
    },
  };
}
