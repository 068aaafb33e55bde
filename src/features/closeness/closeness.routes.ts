import { bind } from '../../http/route.js';
import * as contract from './closeness.contract.js';
import * as service from './closeness.service.js';

export const closenessRoutes = [
  bind(contract.deck, async () => service.deckView()),
  bind(contract.today, ({ deps, user }) => service.readToday(deps, user.actor)),
  bind(contract.answer, ({ deps, user, params, body }) => service.saveAnswer(deps, user.actor, params.questionId, body.text)),
  bind(contract.overview, ({ deps, user }) => service.readOverview(deps, user.actor)),
  bind(contract.pair, ({ deps, user, params }) => service.readPair(deps, user.actor, params.questionId)),
  bind(contract.skip, async ({ deps, user }) => {
    await service.skipToday(deps, user.actor);
    return undefined;
  }),
  bind(contract.unskip, async ({ deps, user }) => {
    await service.unskipToday(deps, user.actor);
    return undefined;
  }),
  bind(contract.theme, ({ deps, user, body }) => service.chooseTheme(deps, user.actor, body.theme)),
  bind(contract.respond, ({ deps, user, params, body }) => service.respond(deps, user.actor, params.questionId, body)),
  bind(contract.talkMore, ({ deps, user, params }) => service.talkMore(deps, user.actor, params.questionId)),
  bind(contract.share, ({ deps, user, params }) => service.shareHeld(deps, user.actor, params.questionId)),
];
