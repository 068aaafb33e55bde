import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Actor } from '../domain/access-policy.js';
import type { AnswerOf, BodyOut, Contract, ParamsOut, QueryOut, SuccessStatus } from './contract.js';

// A route is a contract (http/contract.ts) bound to its handler. The table of routes registers
// them, validates every request, and drives idempotency; the contracts alone drive the OpenAPI
// document, the typed client and the privacy matrix.

export type { AnySchema, Method, SuccessStatus } from './contract.js';

/** Any signed-in account: a partner's or a therapist's. */
export interface SignedInAccount {
  userId: string;
  sessionId: string;
  email: string;
  role: 'partner' | 'therapist';
}

/** A partner, as the access policy sees them: their space and their partner. */
export interface SignedInUser {
  actor: Actor;
  sessionId: string;
  email: string;
}

/** Who is asking: the account, and for a partner their actor (null for a therapist). */
export interface Caller {
  account: SignedInAccount;
  user: SignedInUser | null;
}

type UserFor<A> = A extends 'signed-in' ? SignedInUser : A extends 'therapist' ? null : SignedInUser | null;
type AccountFor<A> = A extends 'public' ? SignedInAccount | null : SignedInAccount;

export interface HandlerInput<C extends Contract> {
  params: ParamsOut<C>;
  query: QueryOut<C>;
  body: BodyOut<C>;
  /** The partner calling (null for a therapist, or signed out on a public route). */
  user: UserFor<C['access']>;
  /** The account calling, whatever its kind (null only when signed out on a public route). */
  account: AccountFor<C['access']>;
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

/**
 * An answer with the contract's `alsoStatus` instead of its main one (an invitation accepted by an
 * existing account answers 200 where a new account answers 201): the body is the same shape.
 */
export class AnswerWith<T> {
  constructor(
    readonly status: SuccessStatus,
    readonly body: T,
  ) {}
}

export function answerWith<T>(status: SuccessStatus, body: T): T {
  return new AnswerWith(status, body) as unknown as T;
}
