import { defineContract } from '../../http/contract.js';
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

const tag = 'bids';

export const listBids = defineContract({
  id: 'bids.list',
  method: 'GET',
  path: '/api/v1/bids',
  tag,
  summary: 'My log of gestures and bids for local days in my zone (default the last 14 days; at most 92), newest first',
  access: 'signed-in',
  query: BidListQuery,
  success: { status: 200, schema: BidList },
  errors: [400, 401],
});

export const bidSummary = defineContract({
  id: 'bids.summary',
  method: 'GET',
  path: '/api/v1/bids/summary',
  tag,
  summary: 'My turning-toward figures per Monday-start week in my zone (default 12 weeks, at most 52): for me alone',
  access: 'signed-in',
  query: BidSummaryQuery,
  success: { status: 200, schema: BidSummary },
  errors: [400, 401],
});

export const getBid = defineContract({
  id: 'bids.get',
  method: 'GET',
  path: '/api/v1/bids/:id',
  tag,
  summary: 'One of my gestures or bids',
  access: 'signed-in',
  params: BidIdParams,
  success: { status: 200, schema: BidView },
  errors: [400, 401, 404],
});

export const createBid = defineContract({
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
});

export const patchBid = defineContract({
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
});

export const deleteBid = defineContract({
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
});

export const bidContracts = [listBids, bidSummary, getBid, createBid, patchBid, deleteBid] as const;
