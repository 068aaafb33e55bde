import { defineContract } from '../../http/contract.js';
import { CommitmentIdParams } from './commitments.schema.js';
import {
  AckBody,
  FiguresView,
  MarkBody,
  OccurrenceList,
  OccurrenceParams,
  OccurrenceView,
  TodayView,
  WindowQuery,
} from './log.schema.js';

const tag = 'log';

export const listOccurrences = defineContract({
  id: 'log.occurrences',
  method: 'GET',
  path: '/api/v1/commitments/:id/occurrences',
  tag,
  summary: "One commitment's occurrences over local days from..to (at most 92; by default the last 2 weeks), with both sides",
  access: 'signed-in',
  params: CommitmentIdParams,
  query: WindowQuery,
  success: { status: 200, schema: OccurrenceList },
  errors: [400, 401, 404],
});

export const mark = defineContract({
  id: 'log.mark',
  method: 'PUT',
  path: '/api/v1/commitments/:id/occurrences/:key/mark',
  tag,
  summary: 'Mark an occurrence done (with the day it was really done) or missed (with what got in the way, if I like)',
  access: 'signed-in',
  params: OccurrenceParams,
  body: MarkBody,
  idempotent: true,
  success: { status: 200, schema: OccurrenceView },
  errors: [400, 401, 403, 404, 409],
});

export const unmark = defineContract({
  id: 'log.unmark',
  method: 'DELETE',
  path: '/api/v1/commitments/:id/occurrences/:key/mark',
  tag,
  summary: 'Take a mark back, within ten minutes of making it',
  access: 'signed-in',
  params: OccurrenceParams,
  idempotent: true,
  success: { status: 204 },
  errors: [400, 401, 403, 404, 409],
});

export const ack = defineContract({
  id: 'log.ack',
  method: 'PUT',
  path: '/api/v1/commitments/:id/occurrences/:key/ack',
  tag,
  summary: 'Say whether I noticed (and how much it helped, 1 to 3); I can change it later',
  access: 'signed-in',
  params: OccurrenceParams,
  body: AckBody,
  idempotent: true,
  success: { status: 200, schema: OccurrenceView },
  errors: [400, 401, 403, 404, 409],
});

export const today = defineContract({
  id: 'log.today',
  method: 'GET',
  path: '/api/v1/log/today',
  tag,
  summary: 'Today: mine to mark, my partner’s to acknowledge, what was logged lately, and the last four weeks in figures',
  access: 'signed-in',
  success: { status: 200, schema: TodayView },
  errors: [401],
});

export const figures = defineContract({
  id: 'log.figures',
  method: 'GET',
  path: '/api/v1/figures',
  tag,
  summary: 'Follow-through, felt-rate and the gap over local days from..to (at most 366), mine and my partner’s, per commitment',
  access: 'signed-in',
  query: WindowQuery,
  success: { status: 200, schema: FiguresView },
  errors: [400, 401],
});

export const logContracts = [listOccurrences, mark, unmark, ack, today, figures] as const;
