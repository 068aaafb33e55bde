import * as v from 'valibot';
import { badInput, type FieldError } from '../shared/errors.js';
import type { AnySchema } from './contract.js';
import { hostileInputProblem } from './hostile-input.js';

function issuePath(issue: v.BaseIssue<unknown>, where: string): string {
  const keys = issue.path?.map((item) => String(item.key)) ?? [];
  return keys.length > 0 ? keys.join('.') : where;
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
    return 'This field is not expected here.';
  }
  if (issue.input === undefined && issue.kind === 'schema') return 'This field is required.';
  return issue.message;
}

/** Parses untrusted input; a failure becomes a 400 that names every field at fault. */
export function parseInput<S extends AnySchema>(schema: S, input: unknown, where: 'body' | 'query' | 'params'): v.InferOutput<S> {
  const hostile = hostileInputProblem(input, where);
  if (hostile) throw badInput([hostile]);
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of result.issues) {
    const path = issuePath(issue, where);
    if (seen.has(path)) continue;
    seen.add(path);
    fields.push({ path, message: issueMessage(issue) });
  }
  throw badInput(fields);
}
