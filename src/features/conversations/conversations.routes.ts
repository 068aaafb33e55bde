import { defineRoute } from '../../http/route.js';
import { listConversationAcknowledgements, replyToAcknowledgement, writeAcknowledgement } from './acknowledgements.service.js';
import {
  AcknowledgementBody,
  AcknowledgementList,
  AcknowledgementParams,
  AcknowledgementView,
  ConversationIdParams,
  ConversationList,
  ConversationView,
  DraftBody,
  DraftIdParams,
  DraftList,
  DraftView,
  InPersonBody,
  MoveBody,
  ReplyBody,
  StartBody,
  TurnBody,
} from './conversations.schema.js';
import {
  listConversations,
  moveTalk,
  readConversation,
  recordInPerson,
  startConversation,
  takeTurn,
} from './conversations.service.js';
import { createDraft, listMyDrafts, removeDraft, saveDraft } from './drafts.service.js';

const tag = 'conversations';

// Step 1, Talk, and Acknowledge. Drafts are private: anyone else's id answers 404, exactly like a
// missing one. A conversation is seen by both partners (404 for anyone else); whose step it is
// comes from the state machine in domain/conversation.ts: the other person's step is 403, a step
// no one can take now is 409.

export const listDraftsRoute = defineRoute({
  id: 'drafts.list',
  method: 'GET',
  path: '/api/v1/drafts',
  tag,
  summary: 'My private drafts of what I want to say, most recently changed first',
  access: 'signed-in',
  success: { status: 200, schema: DraftList },
  errors: [401],
  handle: ({ deps, user }) => listMyDrafts(deps, user.actor),
});

export const createDraftRoute = defineRoute({
  id: 'drafts.create',
  method: 'POST',
  path: '/api/v1/drafts',
  tag,
  summary: 'Start a private draft (only I can see it)',
  access: 'signed-in',
  idempotent: true,
  body: DraftBody,
  success: { status: 201, schema: DraftView },
  errors: [400, 401],
  handle: ({ deps, user, body }) => createDraft(deps, user.actor, body.text),
});

export const saveDraftRoute = defineRoute({
  id: 'drafts.save',
  method: 'PUT',
  path: '/api/v1/drafts/:id',
  tag,
  summary: 'Save my draft as I write',
  access: 'signed-in',
  idempotent: true,
  params: DraftIdParams,
  body: DraftBody,
  success: { status: 200, schema: DraftView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params, body }) => saveDraft(deps, user.actor, params.id, body.text),
});

export const deleteDraftRoute = defineRoute({
  id: 'drafts.delete',
  method: 'DELETE',
  path: '/api/v1/drafts/:id',
  tag,
  summary: 'Delete my draft',
  access: 'signed-in',
  idempotent: true,
  params: DraftIdParams,
  success: { status: 204 },
  errors: [400, 401, 404],
  handle: async ({ deps, user, params }) => {
    await removeDraft(deps, user.actor, params.id);
    return undefined;
  },
});

export const listConversationsRoute = defineRoute({
  id: 'conversations.list',
  method: 'GET',
  path: '/api/v1/conversations',
  tag,
  summary: 'Our conversations and the ones I recorded, newest first, with how many have finished',
  access: 'signed-in',
  success: { status: 200, schema: ConversationList },
  errors: [401],
  handle: ({ deps, user }) => listConversations(deps, user.actor),
});

export const startConversationRoute = defineRoute({
  id: 'conversations.start',
  method: 'POST',
  path: '/api/v1/conversations',
  tag,
  summary: 'Start a conversation with my partner, on two devices or on one device passed between us',
  access: 'signed-in',
  idempotent: true,
  body: StartBody,
  success: { status: 201, schema: ConversationView },
  errors: [400, 401, 409],
  handle: ({ deps, user, body }) => startConversation(deps, user.actor, body.mode),
});

export const recordInPersonRoute = defineRoute({
  id: 'conversations.inPerson',
  method: 'POST',
  path: '/api/v1/conversations/in-person',
  tag,
  summary: 'Record a conversation held in person: when, what was said, how it went (private to me)',
  access: 'signed-in',
  idempotent: true,
  body: InPersonBody,
  success: { status: 201, schema: ConversationView },
  errors: [400, 401],
  handle: ({ deps, user, body }) => recordInPerson(deps, user.actor, body),
});

export const getConversationRoute = defineRoute({
  id: 'conversations.get',
  method: 'GET',
  path: '/api/v1/conversations/:id',
  tag,
  summary: 'One conversation with its turns and whose step it is',
  access: 'signed-in',
  params: ConversationIdParams,
  success: { status: 200, schema: ConversationView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readConversation(deps, user.actor, params.id),
});

export const takeTurnRoute = defineRoute({
  id: 'conversations.turn',
  method: 'POST',
  path: '/api/v1/conversations/:id/turns',
  tag,
  summary: 'Take my step: share, reflect, clarify, confirm ("that\'s it") or write my takeaway',
  access: 'signed-in',
  idempotent: true,
  params: ConversationIdParams,
  body: TurnBody,
  success: { status: 201, schema: ConversationView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => takeTurn(deps, user.actor, params.id, body),
});

export const moveConversationRoute = defineRoute({
  id: 'conversations.move',
  method: 'PATCH',
  path: '/api/v1/conversations/:id',
  tag,
  summary: 'Pause for a break, resume, or bring the conversation to its takeaways',
  access: 'signed-in',
  idempotent: true,
  params: ConversationIdParams,
  body: MoveBody,
  success: { status: 200, schema: ConversationView },
  errors: [400, 401, 404, 409],
  handle: ({ deps, user, params, body }) => moveTalk(deps, user.actor, params.id, body.action),
});

export const listAcknowledgementsRoute = defineRoute({
  id: 'acknowledgements.list',
  method: 'GET',
  path: '/api/v1/conversations/:id/acknowledgements',
  tag,
  summary: 'Acknowledgements written after this conversation, with the answers to them',
  access: 'signed-in',
  params: ConversationIdParams,
  success: { status: 200, schema: AcknowledgementList },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => listConversationAcknowledgements(deps, user.actor, params.id),
});

export const writeAcknowledgementRoute = defineRoute({
  id: 'acknowledgements.create',
  method: 'POST',
  path: '/api/v1/conversations/:id/acknowledgements',
  tag,
  summary: 'Acknowledge what I did or failed to do, its effect, and what I will do differently',
  access: 'signed-in',
  idempotent: true,
  params: ConversationIdParams,
  body: AcknowledgementBody,
  success: { status: 201, schema: AcknowledgementView },
  errors: [400, 401, 404, 409],
  handle: ({ deps, user, params, body }) => writeAcknowledgement(deps, user.actor, params.id, body),
});

export const replyAcknowledgementRoute = defineRoute({
  id: 'acknowledgements.reply',
  method: 'POST',
  path: '/api/v1/conversations/:id/acknowledgements/:ackId/reply',
  tag,
  summary: "Answer my partner's acknowledgement: whether it felt true, or what is missing",
  access: 'signed-in',
  idempotent: true,
  params: AcknowledgementParams,
  body: ReplyBody,
  success: { status: 201, schema: AcknowledgementView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => replyToAcknowledgement(deps, user.actor, params.id, params.ackId, body),
});

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
