import { bind } from '../../http/route.js';
import * as contract from './config.contract.js';

export const clientConfigRoute = bind(contract.clientConfig, async ({ deps }) => ({
  quickExitUrl: deps.config.quickExitUrl,
  emailEnabled: deps.mailer !== null,
}));
