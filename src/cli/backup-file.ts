import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from '../db/database.js';

// A backup file: one header line naming the format, one line of JSON facts, then the database's own
// dump (SQLite's online backup API; pg_dump's custom format) sealed with AES-256-GCM under a key
// derived from the master key. The master key is NOT in the file: keep it apart from the backups
// (README, "Backups"). Checksums of the sealed and the plain bytes catch a damaged file before and
// after opening it; the GCM tag catches tampering; the key id tells a wrong master key apart.

const MAGIC = 'ATTUNE-BACKUP 1';

export interface BackupFacts {
  format: 'attune-backup';
  version: 1;
  database: 'sqlite' | 'postgres';
  createdAt: string;
  /** The first 16 hex digits of SHA-256 of the backup key: a wrong master key is named as such. */
  keyId: string;
  iv: string;
  tag: string;
  plainSha256: string;
  sealedSha256: string;
  plainBytes: number;
}

export class BackupError extends Error {}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The key backups are sealed with: derived from the master key, never the master key itself. */
function backupKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'attune backup v1', 32));
}
const keyIdOf = (key: Buffer) => sha256(key).slice(0, 16);

/** The database's bytes as its own tools dump them, taken while it runs. */
async function dumpDatabase(target: DatabaseTarget): Promise<Buffer> {
  if (target.kind === 'postgres') {
    const dumped = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${target.url}`], {
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (dumped.status !== 0)
      throw new BackupError(`pg_dump failed: ${dumped.stderr?.toString('utf8').trim() || dumped.error?.message}`);
    return dumped.stdout;
  }
  if (!existsSync(target.url)) throw new BackupError(`There is no SQLite database at ${target.url}.`);
  const dir = mkdtempSync(join(tmpdir(), 'attune-backup-'));
  try {
    const copy = join(dir, 'copy.sqlite');
    const source = new SQLite(target.url, { readonly: true, fileMustExist: true });
    try {
      // SQLite's online backup API: a consistent copy while the server keeps writing.
      await source.backup(copy);
      return readFileSync(copy);
    } finally {
      source.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a sealed, checksummed backup of the database to `file` and returns its facts. */
export async function writeBackup(
  target: DatabaseTarget,
  masterKey: Buffer,
  file: string,
  now = new Date(),
): Promise<BackupFacts> {
  const plain = await dumpDatabase(target);
  const key = backupKey(masterKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  const facts: BackupFacts = {
    format: 'attune-backup',
    version: 1,
    database: target.kind,
    createdAt: now.toISOString(),
    keyId: keyIdOf(key),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    plainSha256: sha256(plain),
    sealedSha256: sha256(sealed),
    plainBytes: plain.length,
  };
  const partial = `${file}.partial`;
  writeFileSync(partial, Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(facts)}\n`, 'utf8'), sealed]), { mode: 0o600 });
  // Written whole, then renamed: a crash never leaves a file that looks like a finished backup.
  renameSync(partial, file);
  return facts;
}

/** Reads and checks a backup file, and returns its facts and the opened dump. */
export function openBackup(file: string, masterKey: Buffer): { facts: BackupFacts; plain: Buffer } {
  const bytes = readFileSync(file);
  const firstBreak = bytes.indexOf(0x0a);
  const secondBreak = firstBreak < 0 ? -1 : bytes.indexOf(0x0a, firstBreak + 1);
  if (firstBreak < 0 || secondBreak < 0 || bytes.subarray(0, firstBreak).toString('utf8') !== MAGIC) {
    throw new BackupError(`${file} is not an Attune backup.`);
  }
  let facts: BackupFacts;
  try {
    facts = JSON.parse(bytes.subarray(firstBreak + 1, secondBreak).toString('utf8')) as BackupFacts;
  } catch {
    throw new BackupError(`${file} has a damaged header.`);
  }
  if (facts.format !== 'attune-backup' || facts.version !== 1)
    throw new BackupError(`${file} is a backup format this Attune cannot read.`);
  const sealed = bytes.subarray(secondBreak + 1);
  if (sha256(sealed) !== facts.sealedSha256) throw new BackupError(`${file} is damaged: its checksum does not match.`);
  const key = backupKey(masterKey);
  if (keyIdOf(key) !== facts.keyId) {
    throw new BackupError(
      'This backup was sealed under another master key: set MASTER_KEY (or DATA_DIR/master.key) to the one in use when it was made.',
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(facts.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(facts.tag, 'base64'));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(sealed), decipher.final()]);
  } catch {
    throw new BackupError(`${file} could not be opened: it was changed after it was made.`);
  }
  if (sha256(plain) !== facts.plainSha256) throw new BackupError(`${file} opened, but its contents do not match their checksum.`);
  return { facts, plain };
}

async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0]?.n) === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into an EMPTY database of the same kind (never over data: restoring is a
 * deliberate act on a fresh database). Afterwards, starting Attune (or the restore command) brings
 * the schema up to date and applies the list of erased people again.
 */
export async function restoreBackup(target: DatabaseTarget, masterKey: Buffer, file: string): Promise<BackupFacts> {
  const { facts, plain } = openBackup(file, masterKey);
  if (facts.database !== target.kind) {
    throw new BackupError(`This is a ${facts.database} backup; DATABASE_URL points to ${target.kind}.`);
  }
  if (target.kind === 'postgres') {
    if (!(await postgresIsEmpty(target.url)))
      throw new BackupError('The target database is not empty: restore into a new, empty database.');
    const restored = spawnSync(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.url}`],
      { input: plain, maxBuffer: 64 * 1024 * 1024 },
    );
    if (restored.status !== 0)
      throw new BackupError(`pg_restore failed: ${restored.stderr?.toString('utf8').trim() || restored.error?.message}`);
    return facts;
  }
  if (existsSync(target.url) && statSync(target.url).size > 0) {
    throw new BackupError(`${target.url} already exists: restore into a new, empty place (move the old file away first).`);
  }
  const partial = `${target.url}.restoring`;
  writeFileSync(partial, plain, { mode: 0o600 });
  const check = new SQLite(partial, { fileMustExist: true });
  try {
    const verdict = check.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new BackupError(`The restored database failed its integrity check: ${String(verdict)}`);
  } finally {
    check.close();
  }
  renameSync(partial, target.url);
  return facts;
}
