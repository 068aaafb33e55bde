import type { Person, TestApp } from '../../support/test-app.js';

export type ActorKey = 'author' | 'partner' | 'outsider' | 'signedOut';
export const ACTORS: ActorKey[] = ['author', 'partner', 'outsider', 'signedOut'];

export interface World {
  author: Person;
  partner: Person;
  /** A member of another space (solo), with an open invite of their own. */
  outsider: Person;
  outsiderInviteToken: string;
}

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  /** A server-sent event stream: read briefly, then closed. */
  stream?: boolean;
}

export interface Scenario {
  /** Arranges the world for this route and returns the request to make. */
  prepare(t: TestApp, w: World): Promise<Call>;
  expected: Record<ActorKey, number>;
  /** The same request for a thing that does not exist: must answer exactly like a hidden one. */
  missing?: (call: Call) => Call;
  /** The inviter's name is shown to whoever holds their invite link: that is what the link is for. */
  inviterNameShown?: boolean;
}
