// Operator command: the list of erased people (decision 025), for restoring a backup.
//
//   node --import tsx src/cli/erasures.ts export > erased-people.json
//       prints the list of this database (DATABASE_URL): ids and dates, nothing else
//   node --import tsx src/cli/erasures.ts import erased-people.json
//       adds those ids to this database's list and erases anyone on it who is still there
//
// Every start of Attune applies the list too, before it serves anyone. See docs/OPERATIONS.md.
import { readFileSync } from 'node:fs';
import { boot } from '../boot.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { applyErasures } from '../features/account/erasure.service.js';
import { addErasures, listErasures } from '../features/account/erasures.repo.js';

const USAGE = 'Usage: node --import tsx src/cli/erasures.ts export | import <file>';

function parseList(text: string): { userId: string; erasedAt: string }[] {
  const parsed = JSON.parse(text) as { erased?: unknown };
  if (!Array.isArray(parsed.erased)) throw new Error('The file has no "erased" list: was it made by `erasures export`?');
  return parsed.erased.map((entry: unknown) => {
    const e = entry as { userId?: unknown; erasedAt?: unknown };
    if (typeof e.userId !== 'string' || typeof e.erasedAt !== 'string')
      throw new Error('An entry of the list is not an id and a date.');
    return { userId: e.userId, erasedAt: e.erasedAt };
  });
}

async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if (!(command === 'export' && !file) && !(command === 'import' && file)) {
    console.error(USAGE);
    return 2;
  }
  const entries = command === 'import' ? parseList(readFileSync(file as string, 'utf8')) : [];
  // Starting applies the list this database already has.
  // The export's output is the list alone: nothing else may be printed on stdout.
  const deps = await boot({ ...loadConfig(), logLevel: command === 'export' ? 'silent' : 'warn' });
  try {
    if (command === 'export') {
      console.log(JSON.stringify({ erased: await listErasures(deps.db) }, null, 2));
      return 0;
    }
    const added = await addErasures(deps.db, entries);
    const erased = await applyErasures(deps);
    console.error(`${added} id(s) added to the list; ${erased} person(s) erased again.`);
    return 0;
  } finally {
    await deps.db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not work with the list: ${(error as Error).message}`);
    process.exit(1);
  },
);
