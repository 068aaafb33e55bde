// `npm run backup [-- --out FILE]`: a sealed, checksummed backup of Attune's database (the one
// DATABASE_URL / DATA_DIR names), written whole or not at all. Default file:
// $DATA_DIR/backups/attune-<database>-<UTC time>.backup. Needs the master key the server uses.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, loadConfig } from '../config/env.js';
import { loadSecrets } from '../crypto/secrets.js';
import { BackupError, writeBackup } from './backup-file.js';

const USAGE = 'Usage: npm run backup [-- --out FILE]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 0 && !(args.length === 2 && args[0] === '--out' && args[1])) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const secrets = loadSecrets(config);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = args[1] ?? join(config.dataDir, 'backups', `attune-${config.database.kind}-${stamp}.backup`);
  mkdirSync(dirname(file), { recursive: true });
  const facts = await writeBackup(config.database, secrets.masterKey, file);
  console.log(`Backup written: ${file}`);
  console.log(`  ${facts.database}, ${facts.plainBytes} bytes before sealing, sha256 ${facts.sealedSha256}`);
  console.log('  Keep the master key somewhere else than this file: without it the backup cannot be opened.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BackupError) console.error(error.message);
    else console.error('The backup failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
