import { defineContract } from '../../http/contract.js';
import { MySummary, MySummaryBody, PeriodQuery, SummaryView } from './summary.schema.js';

const tag = 'summary';

// The printable summary (decision 023). Either partner reads the couple's summary for a period; each
// chooses their own part of it: which of their own shared words to include, and a note for the
// session. Nothing of one person's appears unless that person included it.

export const getSummary = defineContract({
  id: 'summary.get',
  method: 'GET',
  path: '/api/v1/summary',
  tag,
  summary:
    'Our summary for a period (the last 8 weeks by default, at most 52): agreements with their history, figures and trend verdicts, and each of our chosen parts',
  access: 'signed-in',
  query: PeriodQuery,
  success: { status: 200, schema: SummaryView },
  errors: [400, 401, 403],
});

export const getMine = defineContract({
  id: 'summary.mine',
  method: 'GET',
  path: '/api/v1/summary/mine',
  tag,
  summary: 'My part of the summary: what I include, my note for the session, and my own shared words I could include',
  access: 'signed-in',
  success: { status: 200, schema: MySummary },
  errors: [401, 403],
});

export const putMine = defineContract({
  id: 'summary.mine.put',
  method: 'PUT',
  path: '/api/v1/summary/mine',
  tag,
  summary: 'Choose my part of the summary: which of my shared words to include, and a note for the session (or none)',
  access: 'signed-in',
  body: MySummaryBody,
  idempotent: true,
  success: { status: 200, schema: MySummary },
  errors: [400, 401, 403],
});

export const summaryContracts = [getSummary, getMine, putMine] as const;
