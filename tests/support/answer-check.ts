/**
 * Every answer a test receives is checked against its route's declared success schema, so the
 * OpenAPI document (built from the same schemas) cannot drift from what is sent: a missing or
 * mistyped field fails the schema, and a field the schema does not declare fails the comparison of
 * the parsed answer with what arrived (valibot's object schemas drop unknown keys).
 */
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { contracts } from '../../src/contracts.js';
import { matchEndpoint } from '../../src/http/client.js';

export class AnswerDrift extends Error {
  override name = 'AnswerDrift';
}

/** How many answers were checked in this test process (a test proves the check runs). */
export const answerChecks = { checked: 0 };

export function checkAnswer(method: string, pathWithQuery: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300) return;
  const path = pathWithQuery.split('?')[0] ?? '';
  if (!path.startsWith('/api/v1/')) return;
  const found = matchEndpoint(contracts, method, path);
  if (!found) return;
  const { endpoint: contract } = found;
  const { success } = contract;
  if (status !== success.status && status !== ('alsoStatus' in success ? success.alsoStatus : undefined)) {
    throw new AnswerDrift(`${contract.id} answered ${status}; its contract declares ${success.status}`);
  }
  if (!('schema' in success) || !success.schema || ('stream' in success && success.stream)) return;
  const parsed = v.safeParse(success.schema, body);
  if (!parsed.success) {
    const issues = parsed.issues.map((i) => `${i.path?.map((p) => String(p.key)).join('.') ?? '(root)'}: ${i.message}`);
    throw new AnswerDrift(`${contract.id} sent an answer its schema refuses:\n  ${issues.join('\n  ')}`);
  }
  if (!isDeepStrictEqual(parsed.output, body)) {
    throw new AnswerDrift(`${contract.id} sent fields its schema does not declare (or values it would change)`);
  }
  answerChecks.checked += 1;
}
