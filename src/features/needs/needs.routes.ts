import { defineRoute } from '../../http/route.js';
import {
  AgreementIdParams,
  AgreementList,
  AgreementView,
  NeedBody,
  NeedIdParams,
  NeedList,
  NeedView,
  ProposalParams,
  RespondBody,
} from './needs.schema.js';
import {
  acceptProposal,
  createNeed,
  deleteNeed,
  editNeed,
  listAgreements,
  listNeeds,
  readAgreement,
  readNeed,
  respondToNeed,
  shareNeed,
} from './needs.service.js';

const tag = 'needs';

// Step 3, Needs. A need is its author's: a private draft answers 404 to everyone else, exactly like
// an id that does not exist. Once shared, the partner sees it (and its answers) but cannot change
// it (403); they answer it. Whose step it is comes from the state machine in domain/needs.ts:
// another person's step is 403, a step no one can take now is 409.

export const listNeedsRoute = defineRoute({
  id: 'needs.list',
  method: 'GET',
  path: '/api/v1/needs',
  tag,
  summary: 'My needs (drafts and shared) and the ones my partner shared with me, newest first (at most 200)',
  access: 'signed-in',
  success: { status: 200, schema: NeedList },
  errors: [401],
  handle: ({ deps, user }) => listNeeds(deps, user.actor),
});

export const getNeedRoute = defineRoute({
  id: 'needs.get',
  method: 'GET',
  path: '/api/v1/needs/:id',
  tag,
  summary: 'One need with the history of its answers',
  access: 'signed-in',
  params: NeedIdParams,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readNeed(deps, user.actor, params.id),
});

export const createNeedRoute = defineRoute({
  id: 'needs.create',
  method: 'POST',
  path: '/api/v1/needs',
  tag,
  summary: 'Write a need: a private draft until I share it',
  access: 'signed-in',
  idempotent: true,
  body: NeedBody,
  success: { status: 201, schema: NeedView },
  errors: [400, 401],
  handle: ({ deps, user, body }) => createNeed(deps, user.actor, body.text),
});

export const editNeedRoute = defineRoute({
  id: 'needs.edit',
  method: 'PATCH',
  path: '/api/v1/needs/:id',
  tag,
  summary: 'Change the words of my need (marked as edited once shared)',
  access: 'signed-in',
  idempotent: true,
  params: NeedIdParams,
  body: NeedBody,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => editNeed(deps, user.actor, params.id, body.text),
});

export const deleteNeedRoute = defineRoute({
  id: 'needs.delete',
  method: 'DELETE',
  path: '/api/v1/needs/:id',
  tag,
  summary: 'Delete my need, with its answers and any agreement, from both our views',
  access: 'signed-in',
  idempotent: true,
  params: NeedIdParams,
  success: { status: 204 },
  errors: [400, 401, 403, 404],
  handle: async ({ deps, user, params }) => {
    await deleteNeed(deps, user.actor, params.id);
    return undefined;
  },
});

export const shareNeedRoute = defineRoute({
  id: 'needs.share',
  method: 'POST',
  path: '/api/v1/needs/:id/share',
  tag,
  summary: 'Share my need with my partner (or share it again after they declined)',
  access: 'signed-in',
  idempotent: true,
  params: NeedIdParams,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params }) => shareNeed(deps, user.actor, params.id),
});

export const respondNeedRoute = defineRoute({
  id: 'needs.respond',
  method: 'POST',
  path: '/api/v1/needs/:id/respond',
  tag,
  summary: 'Answer a need: accept it, propose other wording, or decline with a reason',
  access: 'signed-in',
  idempotent: true,
  params: NeedIdParams,
  body: RespondBody,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params, body }) => respondToNeed(deps, user.actor, params.id, body),
});

export const acceptProposalRoute = defineRoute({
  id: 'needs.proposals.accept',
  method: 'POST',
  path: '/api/v1/needs/:id/proposals/:proposalId/accept',
  tag,
  summary: 'Accept the latest proposal the other person made: the need becomes an agreement in those words',
  access: 'signed-in',
  idempotent: true,
  params: ProposalParams,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 403, 404, 409],
  handle: ({ deps, user, params }) => acceptProposal(deps, user.actor, params.id, params.proposalId),
});

export const listAgreementsRoute = defineRoute({
  id: 'agreements.list',
  method: 'GET',
  path: '/api/v1/agreements',
  tag,
  summary: 'Our agreements, newest first, each with the history of how we got there',
  access: 'signed-in',
  success: { status: 200, schema: AgreementList },
  errors: [401],
  handle: ({ deps, user }) => listAgreements(deps, user.actor),
});

export const getAgreementRoute = defineRoute({
  id: 'agreements.get',
  method: 'GET',
  path: '/api/v1/agreements/:id',
  tag,
  summary: 'One agreement with its history',
  access: 'signed-in',
  params: AgreementIdParams,
  success: { status: 200, schema: AgreementView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readAgreement(deps, user.actor, params.id),
});

export const needRoutes = [
  listNeedsRoute,
  getNeedRoute,
  createNeedRoute,
  editNeedRoute,
  deleteNeedRoute,
  shareNeedRoute,
  respondNeedRoute,
  acceptProposalRoute,
  listAgreementsRoute,
  getAgreementRoute,
];
