import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

// What an erasure (decision 025) does in Talk, before the account row goes (whose cascade takes the
// person's turns, drafts and answers). A conversation and an acknowledgement are shells around their
// authors' contributions: decision 011 keeps the other person's words whatever happens to the first.
// - A conversation the person started goes with them unless someone else wrote in it; then its shell
//   (no words) stays, around the other's turns, as after a leave.
// - An acknowledgement the person wrote goes with them unless someone else answered it; then its words
//   are removed and its shell stays, around the other's answer, as after a leave.

export async function eraseTalkOf(db: Db, userId: string): Promise<void> {
  await db
    .deleteFrom('conversations')
    .where('conversations.author_id', '=', userId)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(
            eb
              .selectFrom('conversation_turns')
              .select('conversation_turns.id')
              .whereRef('conversation_turns.conversation_id', '=', 'conversations.id')
              .where('conversation_turns.author_id', '<>', userId),
          ),
          eb.exists(
            eb
              .selectFrom('acknowledgements')
              .select('acknowledgements.id')
              .whereRef('acknowledgements.conversation_id', '=', 'conversations.id')
              .where('acknowledgements.author_id', '<>', userId),
          ),
          eb.exists(
            eb
              .selectFrom('acknowledgement_replies')
              .innerJoin('acknowledgements', 'acknowledgements.id', 'acknowledgement_replies.acknowledgement_id')
              .select('acknowledgement_replies.id')
              .whereRef('acknowledgements.conversation_id', '=', 'conversations.id')
              .where('acknowledgement_replies.author_id', '<>', userId),
          ),
        ]),
      ),
    )
    .execute();

  const answeredByOthers = (eb: ExpressionBuilder<Database, 'acknowledgements'>) =>
    eb.exists(
      eb
        .selectFrom('acknowledgement_replies')
        .select('acknowledgement_replies.id')
        .whereRef('acknowledgement_replies.acknowledgement_id', '=', 'acknowledgements.id')
        .where('acknowledgement_replies.author_id', '<>', userId),
    );
  await db
    .updateTable('acknowledgements')
    .set({ did_sealed: '', effect_sealed: '', change_sealed: '' })
    .where('acknowledgements.author_id', '=', userId)
    .where(answeredByOthers)
    .execute();
  await db
    .deleteFrom('acknowledgements')
    .where('acknowledgements.author_id', '=', userId)
    .where((eb) => eb.not(answeredByOthers(eb)))
    .execute();
}
