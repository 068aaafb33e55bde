import { defineContract } from '../../http/contract.js';
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

const tag = 'conversations';

export const listDrafts = defineContract({
  id: 'drafts.list',
  method: 'GET',
  path: '/api/v1/drafts',
  tag,
  summary: 'My private drafts of what I want to say, most recently changed first',
  access: 'signed-in',
  success: { status: 200, schema: DraftList },
  errors: [401],
});

export const createDraft = defineContract({
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
});

export const saveDraft = defineContract({
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
});

export const deleteDraft = defineContract({
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
});

export const listConversations = defineContract({
  id: 'conversations.list',
  method: 'GET',
  path: '/api/v1/conversations',
  tag,
  summary: 'Our conversations and the ones I recorded, newest first, with how many have finished',
  access: 'signed-in',
  success: { status: 200, schema: ConversationList },
  errors: [401],
});

export const startConversation = defineContract({
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
});

export const recordInPerson = defineContract({
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
});

export const getConversation = defineContract({
  id: 'conversations.get',
  method: 'GET',
  path: '/api/v1/conversations/:id',
  tag,
  summary: 'One conversation with its turns and whose step it is',
  access: 'signed-in',
  params: ConversationIdParams,
  success: { status: 200, schema: ConversationView },
  errors: [400, 401, 404],
});

export const takeTurn = defineContract({
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
});

export const moveConversation = defineContract({
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
});

export const listAcknowledgements = defineContract({
  id: 'acknowledgements.list',
  method: 'GET',
  path: '/api/v1/conversations/:id/acknowledgements',
  tag,
  summary: 'Acknowledgements written after this conversation, with the answers to them',
  access: 'signed-in',
  params: ConversationIdParams,
  success: { status: 200, schema: AcknowledgementList },
  errors: [400, 401, 404],
});

export const writeAcknowledgement = defineContract({
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
});

export const replyAcknowledgement = defineContract({
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
});

export const conversationContracts = [
  listDrafts,
  createDraft,
  saveDraft,
  deleteDraft,
  listConversations,
  startConversation,
  recordInPerson,
  getConversation,
  takeTurn,
  moveConversation,
  listAcknowledgements,
  writeAcknowledgement,
  replyAcknowledgement,
] as const;
