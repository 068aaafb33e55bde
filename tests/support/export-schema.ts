/**
 * Validates an export against docs/export.schema.json (draft 2020-12) with ajv, strictly: the file a
 * person downloads is checked against the file in the repository, not against the server's own schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/export.schema.json'), 'utf8'));

const ajv = new Ajv2020({ strict: true, allErrors: true });
// The two formats the export uses, as RFC 3339 spells them (ajv-formats is not a dependency).
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const validate = ajv.compile(schema);

/** The schema's complaints about this export, empty when it is valid. */
export function exportSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
