import type * as v from 'valibot';

// A route's contract: what crosses the wire, and nothing about how it is served. Contracts import
// only schemas (valibot and the pure domain), so the browser can import their types, and the
// typed client (http/client.ts), the OpenAPI document and the privacy matrix all read them.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AnySchema = v.GenericSchema;
/**
 * Who may call a route: `public` anyone; `signed-in` a partner (an account with a space of its own);
 * `account` any signed-in account, a therapist's too (their profile, sessions, live stream);
 * `therapist` a therapist's account. A signed-in account of the wrong kind is refused with 403.
 */
export type Access = 'public' | 'signed-in' | 'account' | 'therapist';
export type SuccessStatus = 200 | 201 | 202 | 204;

export interface Contract {
  /** Stable and unique: the typed client, the outbox and the OpenAPI operationId use it. */
  readonly id: string;
  readonly method: Method;
  /** Hono style, e.g. /api/v1/space/invites/:id */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly access: Access;
  readonly params?: AnySchema;
  readonly query?: AnySchema;
  readonly body?: AnySchema;
  /**
   * `stream`: the handler returns its own streaming Response (server-sent events).
   * `contentType`: a media type other than JSON (text/calendar); the handler returns its own Response.
   */
  readonly success: {
    readonly status: SuccessStatus;
    /** Another success status the same answer may come with (a handler says so with `answerWith`). */
    readonly alsoStatus?: SuccessStatus;
    readonly schema?: AnySchema;
    readonly description?: string;
    readonly stream?: boolean;
    readonly contentType?: string;
  };
  /**
   * Writes a browser may retry or send again from its offline queue: an `Idempotency-Key` header
   * makes a replay answer the original result and change nothing (see http/idempotency.ts).
   */
  readonly idempotent?: boolean;
  /** Public writes a stranger could repeat (sign-up, sign-in, resets) are limited per address. */
  readonly limitPerAddress?: boolean;
  /** Error statuses this operation can answer with, for the document. */
  readonly errors: readonly number[];
}

/** Identity function that keeps every literal of a contract (id, method, path) in its type. */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

type Out<S> = S extends AnySchema ? v.InferOutput<S> : undefined;
type In<S> = S extends AnySchema ? v.InferInput<S> : never;

/** What a handler receives once validation passed: the parsed (output) side of each schema. */
export type ParamsOut<C extends Contract> = Out<C['params']>;
export type QueryOut<C extends Contract> = Out<C['query']>;
export type BodyOut<C extends Contract> = Out<C['body']>;

/** The answer a route sends on success (undefined for 204 and for streams). */
export type AnswerOf<C extends Contract> = C['success']['schema'] extends AnySchema
  ? v.InferOutput<C['success']['schema']>
  : undefined;

// A part of the input is required when its schema has a required field, optional when every field
// may be left out, and absent when the route declares no schema for it.
type Part<K extends string, S> = [S] extends [AnySchema]
  ? Record<string, never> extends In<S>
    ? { [P in K]?: In<S> }
    : { [P in K]: In<S> }
  : { [P in K]?: never };

/** What a caller sends: the input (pre-transform) side of each schema. */
export type InputOf<C extends Contract> = Part<'params', C['params']> & Part<'query', C['query']> & Part<'body', C['body']>;

/** True when every part of the input may be left out, so `call(id)` alone is enough. */
export type InputOptional<C extends Contract> = Record<string, never> extends InputOf<C> ? true : false;

/** Maps a tuple of contracts to a record keyed by their ids. */
export type ContractsById<T extends readonly Contract[]> = { [C in T[number] as C['id']]: C };
