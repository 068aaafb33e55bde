import { defineContract } from '../../http/contract.js';
import { HomeToday } from './today.schema.js';

export const homeToday = defineContract({
  id: 'today.get',
  method: 'GET',
  path: '/api/v1/today',
  tag: 'today',
  summary:
    "The home screen's data: today's commitments to mark and to acknowledge, the last four weeks in figures, today's check-ins, and the question of the day",
  access: 'signed-in',
  success: { status: 200, schema: HomeToday },
  errors: [401],
});

export const todayContracts = [homeToday] as const;
