import { defineContract } from '../../http/contract.js';
import { ExportDocument } from './export.schema.js';

// The account's data (decision 025): take it with you, or leave for good. Both need a fresh
// re-authentication (POST /api/v1/auth/reauth in the last 5 minutes, decision 024).

const tag = 'account';

export const exportData = defineContract({
  id: 'account.export',
  method: 'GET',
  path: '/api/v1/me/export',
  tag,
  summary:
    'Download everything I wrote or chose, private and shared (never my partner’s words), as a JSON attachment; docs/export.schema.json describes it. A few an hour',
  access: 'account',
  success: {
    status: 200,
    schema: ExportDocument,
    description: 'The export, sent with Content-Disposition: attachment; filename="attune-export-YYYY-MM-DD.json"',
  },
  errors: [401, 403, 429],
});

export const erase = defineContract({
  id: 'account.erase',
  method: 'DELETE',
  path: '/api/v1/me',
  tag,
  summary:
    'Delete my account and everything I wrote, at once. A shared space is left first (my partner keeps their own words and sees only that it closed); signs this browser out',
  access: 'account',
  success: { status: 204 },
  errors: [401, 403],
});

export const accountDataContracts = [exportData, erase] as const;
