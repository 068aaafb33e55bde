import type { Contract, InputOf, Method } from './contract.js';

// The typed client, derived from the contracts at compile time: call a route by its id with typed
// params, query and body, and get its typed answer. This module holds what every transport shares
// (building the request from a contract and matching a path back to one); the browser
// (web/src/api/client.ts), the integration tests and the demo seed each bring their own transport.
// It imports nothing at run time, so it costs the browser bundle a few hundred bytes.

/** Just what the client needs of a contract at run time. */
export interface Endpoint {
  readonly id: string;
  readonly method: Method;
  readonly path: string;
}

export interface BuiltRequest {
  method: Method;
  /** Path and query string, e.g. /api/v1/checkins?from=2026-12-01 */
  url: string;
  body: unknown;
}

const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** Fills the path's parameters (each encoded) and appends the query's defined values. */
export function buildRequest<C extends Contract>(endpoint: Endpoint, input: InputOf<C> | undefined): BuiltRequest {
  const given = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const path = endpoint.path.replace(PARAM, (_, name: string) => {
    const value = given.params?.[name];
    if (value === undefined || value === null) throw new Error(`${endpoint.id} needs the path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(given.query ?? {})) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const query = search.toString();
  return { method: endpoint.method, url: query ? `${path}?${query}` : path, body: given.body };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Finds the endpoint a method and path belong to, with its decoded params; fixed segments win. */
export function matchEndpoint<E extends Endpoint>(
  endpoints: readonly E[],
  method: string,
  path: string,
): { endpoint: E; params: Record<string, string> } | null {
  const parts = path.split('?')[0]?.split('/') ?? [];
  let best: { endpoint: E; params: Record<string, string>; fixed: number } | null = null;
  for (const endpoint of endpoints) {
    if (endpoint.method !== method) continue;
    const pattern = endpoint.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let fixed = 0;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const want = pattern[i] as string;
      const got = parts[i] as string;
      if (want.startsWith(':')) {
        const decoded = decodeSegment(got);
        if (decoded === null || decoded === '') ok = false;
        else params[want.slice(1)] = decoded;
      } else if (want === got) fixed += 1;
      else ok = false;
    }
    if (ok && (!best || fixed > best.fixed)) best = { endpoint, params, fixed };
  }
  return best ? { endpoint: best.endpoint, params: best.params } : null;
}
