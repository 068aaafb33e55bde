import { bind } from '../../http/route.js';
import * as contract from './bids.contract.js';
import { createBid, listBids, patchBid, readBid, removeBid, summarizeBids } from './bids.service.js';

// Step 4, Act: bids and affection. Private to the person who logs them, always: every bid route on
// someone else's bid answers 404 with the body of an id that does not exist, and no route publishes
// a live event. The summary is registered before /bids/:id so "summary" is never read as an id.

export const listBidsRoute = bind(contract.listBids, ({ deps, user, query }) => listBids(deps, user.actor, query));

export const bidSummaryRoute = bind(contract.bidSummary, ({ deps, user, query }) => summarizeBids(deps, user.actor, query.weeks));

export const getBidRoute = bind(contract.getBid, ({ deps, user, params }) => readBid(deps, user.actor, params.id));

export const createBidRoute = bind(contract.createBid, ({ deps, user, body }) => createBid(deps, user.actor, body));

export const patchBidRoute = bind(contract.patchBid, ({ deps, user, params, body }) =>
  patchBid(deps, user.actor, params.id, body),
);

export const deleteBidRoute = bind(contract.deleteBid, async ({ deps, user, params }) => {
  await removeBid(deps, user.actor, params.id);
  return undefined;
});

export const bidRoutes = [listBidsRoute, bidSummaryRoute, getBidRoute, createBidRoute, patchBidRoute, deleteBidRoute];
