import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from '../../src/features/account/export.json-schema.js';

// docs/export.schema.json is the export's format for anyone reading an export outside Attune
// (decision 025). It is made from the schema the server answers with; this keeps the two the same.

describe('docs/export.schema.json', () => {
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/export.schema.json'), 'utf8'));

  it('is the JSON Schema (draft 2020-12) of the export the server sends', () => {
    expect(file.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(file, 'run `node --import tsx scripts/export-schema.ts` after changing the export').toEqual(exportJsonSchema());
  });

  it('allows no field it does not name, so nothing can slip into an export unseen', () => {
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.properties && n.additionalProperties !== false) open.push(path);
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(file, '#');
    expect(open).toEqual([]);
  });
});
