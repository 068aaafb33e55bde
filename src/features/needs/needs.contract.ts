import { defineContract } from '../../http/contract.js';
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

const tag = 'needs';

export const listNeeds = defineContract({
  id: 'needs.list',
  method: 'GET',
  path: '/api/v1/needs',
  tag,
  summary: 'My needs (drafts and shared) and the ones my partner shared with me, newest first (at most 200)',
  access: 'signed-in',
  success: { status: 200, schema: NeedList },
  errors: [401],
});

export const getNeed = defineContract({
  id: 'needs.get',
  method: 'GET',
  path: '/api/v1/needs/:id',
  tag,
  summary: 'One need with the history of its answers',
  access: 'signed-in',
  params: NeedIdParams,
  success: { status: 200, schema: NeedView },
  errors: [400, 401, 404],
});

export const createNeed = defineContract({
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
});

export const editNeed = defineContract({
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
});

export const deleteNeed = defineContract({
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
});

export const shareNeed = defineContract({
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
});

export const respondNeed = defineContract({
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
});

export const acceptProposal = defineContract({
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
});

export const listAgreements = defineContract({
  id: 'agreements.list',
  method: 'GET',
  path: '/api/v1/agreements',
  tag,
  summary: 'Our agreements, newest first, each with the history of how we got there',
  access: 'signed-in',
  success: { status: 200, schema: AgreementList },
  errors: [401],
});

export const getAgreement = defineContract({
  id: 'agreements.get',
  method: 'GET',
  path: '/api/v1/agreements/:id',
  tag,
  summary: 'One agreement with its history',
  access: 'signed-in',
  params: AgreementIdParams,
  success: { status: 200, schema: AgreementView },
  errors: [400, 401, 404],
});

export const needContracts = [
  listNeeds,
  getNeed,
  createNeed,
  editNeed,
  deleteNeed,
  shareNeed,
  respondNeed,
  acceptProposal,
  listAgreements,
  getAgreement,
] as const;
