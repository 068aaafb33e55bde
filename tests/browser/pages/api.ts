import { type APIRequestContext, expect } from '@playwright/test';
import { type Answer, contractById, type InputArgs, type RouteId } from '../../../src/contracts';
import { buildRequest } from '../../../src/http/client';

/**
 * Calls a route by its id through the typed client, as the person whose context `request` belongs to
 * (it shares the browser context's cookies): for a spec's setup, never for what the spec is about.
 */
export async function call<Id extends RouteId>(
  request: APIRequestContext,
  id: Id,
  ...[input]: InputArgs<Id>
): Promise<Answer<Id>> {
  const { method, url, body } = buildRequest(contractById(id), input);
  const res = await request.fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  expect(res.status(), `${id}: ${await res.text()}`).toBeLessThan(300);
  return (res.status() === 204 ? undefined : await res.json()) as Answer<Id>;
}

/** The status a route answers, for a request that may be refused. */
export async function statusOf<Id extends RouteId>(
  request: APIRequestContext,
  id: Id,
  ...[input]: InputArgs<Id>
): Promise<number> {
  const { method, url, body } = buildRequest(contractById(id), input);
  const res = await request.fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  return res.status();
}
