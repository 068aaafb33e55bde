import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../domain/access-policy.js';
import type { AnswerOf, BodyOut, Contract, ParamsOut, QueryOut } from './contract.js';

// A route is a contract (http/contract.ts) bound to its handler. The table of routes registers
// them, validates every request, and drives idempotency; the contracts alone drive the OpenAPI
// document, the typed client and the privacy matrix.

export type { AnySchema, Method, SuccessStatus } from './contract.js';

export interface SignedInUser {
  actor: Actor;
  sessionId: string;
  email: string;
}

export interface HandlerInput<C extends Contract> {
  params: ParamsOut<C>;
  query: QueryOut<C>;
  body: BodyOut<C>;
  user: C['access'] extends 'signed-in' ? SignedInUser : SignedInUser | null;
  deps: AppDeps;
  c: Context;
}

/** A handler answers with the contract's answer; stream and calendar routes return their own Response. */
export type Handler<C extends Contract> = (input: HandlerInput<C>) => Promise<AnswerOf<C>>;

export type Route<C extends Contract = Contract> = C & { readonly handle: Handler<C> };

export type AnyRoute = Contract & { readonly handle: (input: HandlerInput<any>) => Promise<unknown> };

/** Binds a contract to the function that serves it. */
export function bind<const C extends Contract>(contract: C, handle: Handler<C>): Route<C> {
  return { ...contract, handle };
}
