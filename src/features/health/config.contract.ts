import { defineContract } from '../../http/contract.js';
import { ClientConfig } from './client-config.schema.js';

export const clientConfig = defineContract({
  id: 'config.get',
  method: 'GET',
  path: '/api/v1/config',
  tag: 'config',
  summary: 'What the web app needs before sign-in: the quick-exit address and whether email is set up',
  access: 'public',
  success: { status: 200, schema: ClientConfig },
  errors: [],
});

export const configContracts = [clientConfig] as const;
