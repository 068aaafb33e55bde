// Writes docs/export.schema.json, the JSON Schema of the account export (decision 025), from its
// valibot schema. Run after changing src/features/account/export.schema.ts:
//   node --import tsx scripts/export-schema.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../src/features/account/export.json-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'export.schema.json');
writeFileSync(target, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
