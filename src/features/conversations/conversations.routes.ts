import { bind } from '../../http/route.js';
import { listConversationAcknowledgements, replyToAcknowledgement, writeAcknowledgement } from './acknowledgements.service.js';
import * as contract from './conversations.contract.js';
import {
  listConversations,
  moveTalk,
  readConversation,
  recordInPerson,
  startConversation,
  takeTurn,
} from './conversations.service.js';
import { createDraft, listMyDrafts, removeDraft, saveDraft } from './drafts.service.js';

// Step 1, Talk, and Acknowledge. Drafts are private: anyone else's id answers 404, exactly like a
// missing one. A conversation is seen by both partners (404 for anyone else); whose step it is
// comes from the state machine in domain/conversation.ts: the other person's step is 403, a step
// no one can take now is 409.

export const listDraftsRoute = bind(contract.listDrafts, ({ deps, user }) => listMyDrafts(deps, user.actor));

export const createDraftRoute = bind(contract.createDraft, ({ deps, user, body }) => createDraft(deps, user.actor, body.text));

export const saveDraftRoute = bind(contract.saveDraft, ({ deps, user, params, body }) =>
  saveDraft(deps, user.actor, params.id, body.text),
);

export const deleteDraftRoute = bind(contract.deleteDraft, async ({ deps, user, params }) => {
  await removeDraft(deps, user.actor, params.id);
  return undefined;
});

export const listConversationsRoute = bind(contract.listConversations, ({ deps, user }) => listConversations(deps, user.actor));

export const startConversationRoute = bind(contract.startConversation, ({ deps, user, body }) =>
  startConversation(deps, user.actor, body.mode),
);

export const recordInPersonRoute = bind(contract.recordInPerson, ({ deps, user, body }) =>
  recordInPerson(deps, user.actor, body),
);

export const getConversationRoute = bind(contract.getConversation, ({ deps, user, params }) =>
  readConversation(deps, user.actor, params.id),
);

export const takeTurnRoute = bind(contract.takeTurn, ({ deps, user, params, body }) =>
  takeTurn(deps, user.actor, params.id, body),
);

export const moveConversationRoute = bind(contract.moveConversation, ({ deps, user, params, body }) =>
  moveTalk(deps, user.actor, params.id, body.action),
);

export const listAcknowledgementsRoute = bind(contract.listAcknowledgements, ({ deps, user, params }) =>
  listConversationAcknowledgements(deps, user.actor, params.id),
);

export const writeAcknowledgementRoute = bind(contract.writeAcknowledgement, ({ deps, user, params, body }) =>
  writeAcknowledgement(deps, user.actor, params.id, body),
);

export const replyAcknowledgementRoute = bind(contract.replyAcknowledgement, ({ deps, user, params, body }) =>
  replyToAcknowledgement(deps, user.actor, params.id, params.ackId, body),
);

export const conversationRoutes = [
  listDraftsRoute,
  createDraftRoute,
  saveDraftRoute,
  deleteDraftRoute,
  listConversationsRoute,
  startConversationRoute,
  recordInPersonRoute,
  getConversationRoute,
  takeTurnRoute,
  moveConversationRoute,
  listAcknowledgementsRoute,
  writeAcknowledgementRoute,
  replyAcknowledgementRoute,
];
