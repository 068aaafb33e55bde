import { defineRoute } from '../../http/route.js';
import {
  BidIdParams,
  BidList,
  BidListQuery,
  BidSummary,
  BidSummaryQuery,
  BidView,
  CreateBidBody,
  PatchBidBody,
} from './bids.schema.js';
import { createBid, listBids, patchBid, readBid, removeBid, summarizeBids } from './bids.service.js';

const tag = 'bids';

// Step 4, Act: bids and affection. Private to the person who logs them, always: every bid route on
// someone else's bid answers 404 with the body of an id that does not exist, and no route publishes
// a live event. The summary is registered before /bids/:id so "summary" is never read as an id.

export const listBidsRoute = defineRoute({
  id: 'bids.list',
  method: 'GET',
  path: '/api/v1/bids',
  tag,
  summary: 'My log of gestures and bids for local days in my zone (default the last 14 days; at most 92), newest first',
  access: 'signed-in',
  query: BidListQuery,
  success: { status: 200, schema: BidList },
  errors: [400, 401],
  handle: ({ deps, user, query }) => listBids(deps, user.actor, query),
});

export const bidSummaryRoute = defineRoute({
  id: 'bids.summary',
  method: 'GET',
  path: '/api/v1/bids/summary',
  tag,
  summary: 'My turning-toward figures per Monday-start week in my zone (default 12 weeks, at most 52): for me alone',
  access: 'signed-in',
  query: BidSummaryQuery,
  success: { status: 200, schema: BidSummary },
  errors: [400, 401],
  handle: ({ deps, user, query }) => summarizeBids(deps, user.actor, query.weeks),
});

export const getBidRoute = defineRoute({
  id: 'bids.get',
  method: 'GET',
  path: '/api/v1/bids/:id',
  tag,
  summary: 'One of my gestures or bids',
  access: 'signed-in',
  params: BidIdParams,
  success: { status: 200, schema: BidView },
  errors: [400, 401, 404],
  handle: ({ deps, user, params }) => readBid(deps, user.actor, params.id),
});

export const createBidRoute = defineRoute({
  id: 'bids.create',
  method: 'POST',
  path: '/api/v1/bids',
  tag,
  summary: 'Log a gesture of affection I gave, or a time I reached out (a bid), now or earlier',
  access: 'signed-in',
  body: CreateBidBody,
  success: { status: 201, schema: BidView },
  idempotent: true,
  errors: [400, 401],
  handle: ({ deps, user, body }) => createBid(deps, user.actor, body),
});

export const patchBidRoute = defineRoute({
  id: 'bids.update',
  method: 'PATCH',
  path: '/api/v1/bids/:id',
  tag,
  summary: 'Change what I logged, or mark how my partner met a bid (toward, away, against, or not marked)',
  access: 'signed-in',
  params: BidIdParams,
  body: PatchBidBody,
  success: { status: 200, schema: BidView },
  idempotent: true,
  errors: [400, 401, 404],
  handle: ({ deps, user, params, body }) => patchBid(deps, user.actor, params.id, body),
});

export const deleteBidRoute = defineRoute({
  id: 'bids.delete',
  method: 'DELETE',
  path: '/api/v1/bids/:id',
  tag,
  summary: 'Delete one of my gestures or bids',
  access: 'signed-in',
  params: BidIdParams,
  success: { status: 204 },
  idempotent: true,
  errors: [400, 401, 404],
  handle: async ({ deps, user, params }) => {
    await removeBid(deps, user.actor, params.id);
    return undefined;
  },
});

export const bidRoutes = [listBidsRoute, bidSummaryRoute, getBidRoute, createBidRoute, patchBidRoute, deleteBidRoute];
