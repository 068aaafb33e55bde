import type { Answer, InputArgs, RouteId } from '../contracts.js';

/** Who the demo acts as: Maya, Daniel, or the therapist they invite. */
export type DemoWho = 'a' | 'b' | 'therapist';

/** Calls a route as one of the demo people, by its id, through the typed client; throws on a refusal. */
export type DemoCall = <Id extends RouteId>(who: DemoWho, id: Id, ...input: InputArgs<Id>) => Promise<Answer<Id>>;
