import { defineRoute } from '../../http/route.js';
import { ClientConfig } from './client-config.schema.js';

export const clientConfigRoute = defineRoute({
  id: 'config.get',
  method: 'GET',
  path: '/api/v1/config',
  tag: 'config',
  summary: 'What the web app needs before sign-in: the quick-exit address and whether email is set up',
  access: 'public',
  success: { status: 200, schema: ClientConfig },
  errors: [],
  handle: async ({ deps }) => ({ quickExitUrl: deps.config.quickExitUrl, emailEnabled: deps.mailer !== null }),
});
