import { defineContract } from '../../http/contract.js';
import { ProgressQuery, ProgressView, TherapyInterestBody, TherapyInterestView, WeeklyReflection } from './progress.schema.js';

export const progress = defineContract({
  id: 'progress.get',
  method: 'GET',
  path: '/api/v1/progress',
  tag: 'progress',
  summary:
    'My charts over weeks (default 12, 4 to 52) with a trend verdict each: my trust pulse, my connection and felt-heard, and follow-through and felt-rate per agreement; and my private therapy suggestion',
  access: 'signed-in',
  query: ProgressQuery,
  success: { status: 200, schema: ProgressView },
  errors: [400, 401],
});

export const therapyInterest = defineContract({
  id: 'progress.therapyInterest',
  method: 'POST',
  path: '/api/v1/progress/therapy-interest',
  tag: 'progress',
  summary: 'Say that I would (or no longer would) like to think about therapy: private to me, it feeds only my own suggestion',
  access: 'signed-in',
  idempotent: true,
  body: TherapyInterestBody,
  success: { status: 200, schema: TherapyInterestView },
  errors: [400, 401],
});

export const weeklyReflection = defineContract({
  id: 'reflection.weekly',
  method: 'GET',
  path: '/api/v1/reflection/weekly',
  tag: 'reflection',
  summary:
    'My weekly reflection: the last 7 days against four weeks earlier, what went well, what did not land, and something specific to thank my partner for',
  access: 'signed-in',
  success: { status: 200, schema: WeeklyReflection },
  errors: [401],
});

export const progressContracts = [progress, therapyInterest, weeklyReflection] as const;
