import type { Answer, InputArgs, RouteId } from '../contracts.js';

/** Calls a route as one of the demo couple, by its id, through the typed client; throws on a refusal. */
export type DemoCall = <Id extends RouteId>(who: 'a' | 'b', id: Id, ...input: InputArgs<Id>) => Promise<Answer<Id>>;
