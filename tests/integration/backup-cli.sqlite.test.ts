import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The backup and restore commands on a data folder's own SQLite database, as a self-hoster runs
// them; a *.sqlite.test.ts file runs in the SQLite project only. The restore drill on both
// databases is backup-restore.test.ts.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('npm run backup and npm run restore', () => {
  it('make and restore a backup from the command line, and the restored Attune starts on it', async () => {
    const cliDir = await mkdtemp(join(tmpdir(), 'attune-cli-'));
    try {
      const env = { PATH: process.env.PATH ?? '', DATA_DIR: join(cliDir, 'data'), LOG_LEVEL: 'silent', ATTUNE_FAST_HASHING: '1' };
      // A database to back up: the restore command boots it once to migrate (a tiny Attune).
      const made = await createTestAppAt(env);
      expect(made.status, made.stderr).toBe(0);
      const out = join(cliDir, 'one.backup');
      const backup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', '--out', out], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('Backup written');
      // Restore into another data folder that shares the master key (as an operator would copy it).
      const env2 = { ...env, DATA_DIR: join(cliDir, 'data2') };
      await mkdir(env2.DATA_DIR, { recursive: true });
      await copyFile(join(cliDir, 'data', 'master.key'), join(env2.DATA_DIR, 'master.key'));
      const restore = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', out], {
        cwd: root,
        env: env2,
        encoding: 'utf8',
      });
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toContain('Restored the backup');
      const again = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', out], {
        cwd: root,
        env: env2,
        encoding: 'utf8',
      });
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/already exists/);
    } finally {
      await rm(cliDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Creates and migrates the SQLite database of a data folder, the way a first start does. */
async function createTestAppAt(env: Record<string, string>) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "const { boot } = await import('./src/boot.ts'); const { loadConfig } = await import('./src/config/env.ts'); const d = await boot(loadConfig()); await d.db.destroy();",
    ],
    { cwd: root, env, encoding: 'utf8' },
  );
}
