import { defineContract } from '../../http/contract.js';
import {
  AnswerBody,
  ClosenessOverview,
  DeckView,
  PairView,
  QuestionIdParams,
  QuestionToday,
  ResponseBody,
  TalkMoreView,
  ThemeBody,
} from './closeness.schema.js';

const tag = 'closeness';

// Step 7, closeness. Each partner answers the question of the day privately; neither sees the
// other's answer, nor whether the other has answered, until both have. Skips are private. A question
// id that is not a question day of my space (up to today where I am) answers 404.

export const deck = defineContract({
  id: 'closeness.deck',
  method: 'GET',
  path: '/api/v1/closeness/deck',
  tag,
  summary: 'Every question of the decks, with its theme and depth',
  access: 'signed-in',
  success: { status: 200, schema: DeckView },
  errors: [401],
});

export const today = defineContract({
  id: 'closeness.today',
  method: 'GET',
  path: '/api/v1/closeness/today',
  tag,
  summary: 'The question of the day where I am, my answer, and my partner’s once both have answered',
  access: 'signed-in',
  success: { status: 200, schema: QuestionToday },
  errors: [401],
});

export const answer = defineContract({
  id: 'closeness.answer',
  method: 'PUT',
  path: '/api/v1/closeness/answers/:questionId',
  tag,
  summary: 'Answer (or change my answer to) the question of the day, or an earlier one not yet revealed',
  access: 'signed-in',
  params: QuestionIdParams,
  body: AnswerBody,
  idempotent: true,
  success: { status: 200, schema: QuestionToday },
  errors: [400, 401, 404],
});

export const overview = defineContract({
  id: 'closeness.overview',
  method: 'GET',
  path: '/api/v1/closeness',
  tag,
  summary: 'Today’s question with what we can both see of it, the theme, and our earlier question days',
  access: 'signed-in',
  success: { status: 200, schema: ClosenessOverview },
  errors: [401],
});

export const pair = defineContract({
  id: 'closeness.pair',
  method: 'GET',
  path: '/api/v1/closeness/questions/:questionId',
  tag,
  summary: 'One question day: my answer, my partner’s once both answered, and our reactions and replies',
  access: 'signed-in',
  params: QuestionIdParams,
  success: { status: 200, schema: PairView },
  errors: [400, 401, 404],
});

export const skip = defineContract({
  id: 'closeness.skip',
  method: 'POST',
  path: '/api/v1/closeness/today/skip',
  tag,
  summary: 'Not today: set the question of the day aside (only I see that)',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
});

export const unskip = defineContract({
  id: 'closeness.unskip',
  method: 'DELETE',
  path: '/api/v1/closeness/today/skip',
  tag,
  summary: 'Bring today’s question back after setting it aside',
  access: 'signed-in',
  idempotent: true,
  success: { status: 204 },
  errors: [401],
});

export const theme = defineContract({
  id: 'closeness.theme',
  method: 'PUT',
  path: '/api/v1/closeness/theme',
  tag,
  summary: 'Choose a theme for our questions (or any theme), from tomorrow’s question on',
  access: 'signed-in',
  body: ThemeBody,
  idempotent: true,
  success: { status: 200, schema: ClosenessOverview },
  errors: [400, 401],
});

export const respond = defineContract({
  id: 'closeness.respond',
  method: 'PUT',
  path: '/api/v1/closeness/questions/:questionId/response',
  tag,
  summary: 'React to a revealed pair, or write my one reply to it',
  access: 'signed-in',
  params: QuestionIdParams,
  body: ResponseBody,
  idempotent: true,
  success: { status: 200, schema: PairView },
  errors: [400, 401, 404],
});

export const talkMore = defineContract({
  id: 'closeness.talkMore',
  method: 'POST',
  path: '/api/v1/closeness/questions/:questionId/talk-more',
  tag,
  summary: 'Ask to talk more about a revealed pair: starts a private Talk draft on it',
  access: 'signed-in',
  params: QuestionIdParams,
  idempotent: true,
  success: { status: 201, schema: TalkMoreView },
  errors: [400, 401, 404],
});

export const share = defineContract({
  id: 'closeness.share',
  method: 'POST',
  path: '/api/v1/closeness/questions/:questionId/share',
  tag,
  summary: 'Show my partner an answer I wrote while I was on my own',
  access: 'signed-in',
  params: QuestionIdParams,
  idempotent: true,
  success: { status: 200, schema: PairView },
  errors: [400, 401, 404, 409],
});

export const closenessContracts = [deck, today, answer, overview, pair, skip, unskip, theme, respond, talkMore, share] as const;
