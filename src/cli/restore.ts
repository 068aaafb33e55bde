// `npm run restore -- FILE [--erasures erased-people.json]`: restores a backup made by
// `npm run backup` into an EMPTY database (DATABASE_URL / DATA_DIR), brings its schema up to date,
// and applies the list of erased people again: the one in the backup, plus, with --erasures, the
// list exported from the database in use before (`node --import tsx src/cli/erasures.ts export`),
// so nobody erased after the backup comes back (decision 025).
import { readFileSync } from 'node:fs';
import { boot } from '../boot.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { loadSecrets } from '../crypto/secrets.js';
import { applyErasures } from '../features/account/erasure.service.js';
import { addErasures } from '../features/account/erasures.repo.js';
import { BackupError, restoreBackup } from './backup-file.js';

const USAGE = 'Usage: npm run restore -- FILE [--erasures erased-people.json]';

function erasuresFrom(file: string): { userId: string; erasedAt: string }[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { erased?: unknown };
  if (!Array.isArray(parsed.erased)) throw new BackupError(`${file} has no "erased" list.`);
  return parsed.erased.map((entry: unknown) => {
    const e = entry as { userId?: unknown; erasedAt?: unknown };
    if (typeof e.userId !== 'string' || typeof e.erasedAt !== 'string')
      throw new BackupError(`${file} holds an entry that is not an id and a date.`);
    return { userId: e.userId, erasedAt: e.erasedAt };
  });
}

async function main(): Promise<number> {
  const [file, flag, listFile, ...rest] = process.argv.slice(2);
  if (!file || file.startsWith('--') || rest.length > 0 || (flag !== undefined && (flag !== '--erasures' || !listFile))) {
    console.error(USAGE);
    return 2;
  }
  const extra = listFile ? erasuresFrom(listFile) : [];
  const config = loadConfig({ ...process.env, REMINDER_INTERVAL_SECONDS: '0' });
  const secrets = loadSecrets(config);
  const facts = await restoreBackup(config.database, secrets.masterKey, file);
  // boot() migrates the restored schema to this version and applies the backup's own erasures.
  const deps = await boot(config, { secrets, mailer: null });
  try {
    if (extra.length > 0) {
      await addErasures(deps.db, extra);
      await applyErasures(deps);
    }
  } finally {
    await deps.db.destroy();
  }
  console.log(`Restored the backup of ${facts.createdAt} (${facts.database}).`);
  if (extra.length > 0) console.log(`  Applied ${extra.length} erasure(s) from ${listFile}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BackupError) console.error(error.message);
    else console.error('The restore failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
