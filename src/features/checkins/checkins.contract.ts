import { defineContract } from '../../http/contract.js';
import {
  CheckinBody,
  CheckinDateParams,
  CheckinIdParams,
  CheckinList,
  CheckinPreferences,
  CheckinToday,
  CheckinView,
  CheckinWindowQuery,
  ReplyBody,
} from './checkins.schema.js';

const tag = 'checkins';

// The daily check-in. My own check-ins are mine to see and change (today's only); a shared one is
// seen by my partner, who answers it with replies; a private one answers 404 to everyone else,
// exactly like an id that does not exist. The fixed paths come before /checkins/:id.

export const listCheckins = defineContract({
  id: 'checkins.list',
  method: 'GET',
  path: '/api/v1/checkins',
  tag,
  summary: 'My check-ins and the ones my partner shared, for a window of days (14 by default, at most 92), newest first',
  access: 'signed-in',
  query: CheckinWindowQuery,
  success: { status: 200, schema: CheckinList },
  errors: [400, 401],
});

export const todayCheckins = defineContract({
  id: 'checkins.today',
  method: 'GET',
  path: '/api/v1/checkins/today',
  tag,
  summary: 'Today where I am: my check-in, my partner’s shared one for the same day, and my default visibility',
  access: 'signed-in',
  success: { status: 200, schema: CheckinToday },
  errors: [401],
});

export const checkinPreferences = defineContract({
  id: 'checkins.preferences',
  method: 'GET',
  path: '/api/v1/checkins/preferences',
  tag,
  summary: 'The visibility I chose last, offered as the default for the next check-in',
  access: 'signed-in',
  success: { status: 200, schema: CheckinPreferences },
  errors: [401],
});

export const getCheckin = defineContract({
  id: 'checkins.get',
  method: 'GET',
  path: '/api/v1/checkins/:id',
  tag,
  summary: 'One check-in with the replies I may see',
  access: 'signed-in',
  params: CheckinIdParams,
  success: { status: 200, schema: CheckinView },
  errors: [400, 401, 404],
});

export const putCheckin = defineContract({
  id: 'checkins.put',
  method: 'PUT',
  path: '/api/v1/checkins/:date',
  tag,
  summary: 'Write or change my check-in for today (the date must be today where I am); the visibility is remembered',
  access: 'signed-in',
  params: CheckinDateParams,
  body: CheckinBody,
  idempotent: true,
  success: { status: 200, schema: CheckinView },
  errors: [400, 401, 409],
});

export const deleteCheckin = defineContract({
  id: 'checkins.delete',
  method: 'DELETE',
  path: '/api/v1/checkins/:id',
  tag,
  summary: 'Delete my check-in, with the replies to it',
  access: 'signed-in',
  params: CheckinIdParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404],
});

export const replyToCheckin = defineContract({
  id: 'checkins.replies.create',
  method: 'POST',
  path: '/api/v1/checkins/:id/replies',
  tag,
  summary: 'Answer my partner’s shared check-in: a reaction, a short note, or “let’s talk tonight”',
  access: 'signed-in',
  params: CheckinIdParams,
  body: ReplyBody,
  idempotent: true,
  success: { status: 201, schema: CheckinView },
  errors: [400, 401, 403, 404, 409],
});

export const checkinContracts = [
  listCheckins,
  todayCheckins,
  checkinPreferences,
  getCheckin,
  putCheckin,
  deleteCheckin,
  replyToCheckin,
] as const;
