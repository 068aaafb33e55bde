import { toJsonSchema } from '@valibot/to-json-schema';
import { ExportDocument } from './export.schema.js';

/**
 * The export's format as a JSON Schema (draft 2020-12): what docs/export.schema.json holds. Written
 * by scripts/export-schema.ts; tests/unit/export-schema.test.ts fails when the file falls behind.
 */
export function exportJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = toJsonSchema(ExportDocument, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return {
    $schema,
    title,
    description,
    $comment: 'Made from src/features/account/export.schema.ts by `node --import tsx scripts/export-schema.ts`.',
    ...rest,
  };
}
