import type { Context } from 'hono';
import type * as v from 'valibot';
import type { Actor } from '../domain/access-policy.js';
import type { AppDeps } from './deps.js';

// A route is data: method, path, schemas, access and a handler. The same table registers the
// routes, validates every request, generates the OpenAPI document and drives the privacy matrix.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AnySchema = v.GenericSchema;
type Out<S> = S extends AnySchema ? v.InferOutput<S> : undefined;

export interface SignedInUser {
  actor: Actor;
  sessionId: string;
  email: string;
}

export interface HandlerInput<P, Q, B, A> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  user: A;
  deps: AppDeps;
  c: Context;
}

export type SuccessStatus = 200 | 201 | 202 | 204;

export interface RouteSpec<P, Q, B, R, A extends 'public' | 'signed-in'> {
  id: string;
  method: Method;
  /** Hono style, e.g. /api/v1/space/invites/:id */
  path: string;
  tag: string;
  summary: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** `stream`: the handler returns its own streaming Response (server-sent events). */
  /** `contentType`: a media type other than JSON (text/calendar); the handler returns its own Response. */
  success: { status: SuccessStatus; schema?: R; description?: string; stream?: boolean; contentType?: string };
  /**
   * Writes a browser may retry or send again from its offline queue: an `Idempotency-Key` header
   * makes a replay answer the original result and change nothing (see http/idempotency.ts).
   */
  idempotent?: boolean;
  /** Public writes a stranger could repeat (sign-up, sign-in, resets) are limited per address. */
  limitPerAddress?: boolean;
  /** Error statuses this operation can answer with, for the document. */
  errors: number[];
  handle: (
    input: HandlerInput<P, Q, B, A extends 'signed-in' ? SignedInUser : SignedInUser | null>,
  ) => Promise<R extends AnySchema ? v.InferOutput<R> : undefined>;
}

export type AnyRoute = RouteSpec<any, any, any, any, 'public' | 'signed-in'>;

/** Identity function that keeps each route's types precise. */
export function defineRoute<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
  R extends AnySchema | undefined = undefined,
  A extends 'public' | 'signed-in' = 'signed-in',
>(spec: RouteSpec<P, Q, B, R, A>): RouteSpec<P, Q, B, R, A> {
  return spec;
}
